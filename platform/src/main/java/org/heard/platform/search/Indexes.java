package org.heard.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.util.ObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Creating a small index of Heard's own (one shard, a replica where there is a second node). */
public final class Indexes {

    private Indexes() {}

    /**
     * Creates the index with a strict mapping (an unknown field is an error, not a new field);
     * harmless when it exists, also when another instance creates it at the same moment.
     */
    public static void createIfMissing(
            ElasticsearchClient client,
            String index,
            Function<TypeMapping.Builder, ObjectBuilder<TypeMapping>> properties) {
        try {
            if (client.indices().exists(exists -> exists.index(index)).value()) {
                return;
            }
            client.indices()
                    .create(create -> create.index(index)
                            .settings(settings -> settings.numberOfShards("1").autoExpandReplicas("0-1"))
                            .mappings(mappings -> properties.apply(mappings.dynamic(DynamicMapping.Strict))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the index " + index, e);
        }
    }
}
