package org.heard.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * Checkpoints kept in Elasticsearch, so every instance of a scaled-out deployment sees the same
 * positions and a connector taken over by another instance carries on where the first stopped.
 * A write returns once Elasticsearch has acknowledged it (translog fsync per request by default).
 */
class CheckpointIndex implements CheckpointStore {

    static final String INDEX = "heard-checkpoints";

    private final ElasticsearchClient client;

    CheckpointIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index on start-up; harmless when it exists. Values are stored, never searched. */
    void ensureExists() {
        try {
            if (client.indices().exists(exists -> exists.index(INDEX)).value()) {
                return;
            }
            client.indices().create(create -> create.index(INDEX)
                    .settings(settings -> settings.numberOfShards("1").autoExpandReplicas("0-1"))
                    .mappings(mappings -> mappings.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.Strict)
                            .properties("key", property -> property.keyword(keyword -> keyword))
                            .properties("value", property -> property.keyword(keyword -> keyword.index(false).docValues(false)))
                            .properties("updatedAt", property -> property.date(date -> date))));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint index", e);
        }
    }

    @Override
    public Optional<String> read(String key) {
        try {
            var response = client.get(get -> get.index(INDEX).id(key), Checkpoint.class);
            return response.found() && response.source() != null ? Optional.ofNullable(response.source().value()) : Optional.empty();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read checkpoint " + key, e);
        }
    }

    @Override
    public void write(String key, String value) {
        try {
            client.index(index -> index.index(INDEX)
                    .id(key)
                    .refresh(Refresh.False)
                    .document(new Checkpoint(key, value, Instant.now())));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write checkpoint " + key, e);
        }
    }

    record Checkpoint(String key, String value, Instant updatedAt) {}
}
