package org.heard.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * Checkpoints kept in Elasticsearch, so every instance of a scaled-out deployment sees the same
 * positions and a connector taken over by another instance carries on where the first stopped.
 * A write returns once Elasticsearch has acknowledged it (translog fsync per request by default).
 */
class CheckpointIndex implements CheckpointStore {

    static final String INDEX = "heard-checkpoints";
    private static final int FORGET_PAGE = 1_000;

    private final ElasticsearchClient client;

    CheckpointIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index on start-up; harmless when it exists. Values are stored, never searched. */
    void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("key", property -> property.keyword(keyword -> keyword))
                        .properties(
                                "value",
                                property -> property.keyword(
                                        keyword -> keyword.index(false).docValues(false)))
                        .properties("updatedAt", property -> property.date(date -> date)));
    }

    @Override
    public Optional<String> read(String key) {
        try {
            var response = client.get(get -> get.index(INDEX).id(key), Checkpoint.class);
            return response.found() && response.source() != null
                    ? Optional.ofNullable(response.source().value())
                    : Optional.empty();
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

    /** One bulk request; an item Elasticsearch refused fails the whole call, so the caller keeps its position. */
    @Override
    public void writeAll(Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        var now = Instant.now();
        var operations = values.entrySet().stream()
                .map(entry -> BulkOperation.of(operation -> operation.index(index -> index.index(INDEX)
                        .id(entry.getKey())
                        .document(new Checkpoint(entry.getKey(), entry.getValue(), now)))))
                .toList();
        try {
            var response = client.bulk(bulk -> bulk.refresh(Refresh.False).operations(operations));
            if (response.errors()) {
                var failed = response.items().stream()
                        .filter(item -> item.error() != null)
                        .findFirst()
                        .orElseThrow();
                throw new IllegalStateException("Elasticsearch refused checkpoint " + failed.id() + ": "
                        + failed.error().reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + values.size() + " checkpoints", e);
        }
    }

    /**
     * Searches a page of old keys and deletes them in one bulk request, until none is left. (Not
     * delete-by-query: the embedded node runs without the module that provides it.)
     */
    @Override
    public long forgetOlderThan(String keyPrefix, Instant cutoff) {
        long forgotten = 0;
        try {
            while (true) {
                var hits = client.search(
                                search -> search.index(INDEX)
                                        .size(FORGET_PAGE)
                                        .source(source -> source.fetch(false))
                                        .query(query -> query.bool(bool -> bool.filter(filter -> filter.prefix(prefix ->
                                                        prefix.field("key").value(keyPrefix)))
                                                .filter(filter -> filter.range(range -> range.date(date ->
                                                        date.field("updatedAt").lt(cutoff.toString())))))),
                                Void.class)
                        .hits()
                        .hits();
                if (hits.isEmpty()) {
                    return forgotten;
                }
                var deletions = hits.stream()
                        .map(hit -> BulkOperation.of(operation ->
                                operation.delete(delete -> delete.index(INDEX).id(hit.id()))))
                        .toList();
                // Wait for the refresh, so the next search does not find these again.
                client.bulk(bulk -> bulk.refresh(Refresh.WaitFor).operations(deletions));
                forgotten += hits.size();
                if (hits.size() < FORGET_PAGE) {
                    return forgotten;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot forget checkpoints under " + keyPrefix, e);
        }
    }

    record Checkpoint(String key, String value, Instant updatedAt) {}
}
