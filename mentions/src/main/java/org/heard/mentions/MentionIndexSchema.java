package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.heard.contracts.DeskJson;

/**
 * The index's schema and its migrations. Writes go through the alias {@value #ALIAS} to a versioned
 * index ({@code heard-mentions-000001}) made from a template, so a later mapping change can
 * re-index behind the alias. The mapping only uses what every Elasticsearch distribution has
 * (standard analyzer, no scripts, no ingest pipelines): see docs/adr/0004.
 */
public final class MentionIndexSchema {

    public static final String ALIAS = "heard-mentions";
    static final String FIRST_INDEX = "heard-mentions-000001";
    static final String TEMPLATE = "heard-mentions";

    private final ElasticsearchClient client;

    public MentionIndexSchema(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Creates the template and the first index behind the alias; harmless when they exist. An index
     * made from an older template gets the fields added since ({@code dynamic: strict} would refuse
     * them): the template's mapping is put on every index behind the alias. Adding fields is all a
     * put-mapping can do; changing a field's type needs a re-index behind the alias.
     */
    public void ensureExists() {
        try {
            byte[] json = template();
            client.indices()
                    .putIndexTemplate(PutIndexTemplateRequest.of(
                            request -> request.name(TEMPLATE).withJson(new ByteArrayInputStream(json))));
            if (!client.indices().existsAlias(request -> request.name(ALIAS)).value()) {
                try {
                    client.indices()
                            .create(request ->
                                    request.index(FIRST_INDEX).aliases(ALIAS, alias -> alias.isWriteIndex(true)));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            String mappings = DeskJson.mapper()
                    .readTree(json)
                    .path("template")
                    .path("mappings")
                    .toString();
            client.indices().putMapping(request -> request.index(ALIAS).withJson(new StringReader(mappings)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mentions index", e);
        }
    }

    static byte[] template() throws IOException {
        try (InputStream template = MentionIndexSchema.class.getResourceAsStream("mentions-template.json")) {
            Objects.requireNonNull(template, "mentions-template.json missing from the classpath");
            return template.readAllBytes();
        }
    }
}
