package org.heard.desk.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.heard.contracts.AccessAudited;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;

/** The {@value #INDEX} index: appended to in bulk, searched by person, mention and time, purged by age. */
public class AuditLog {

    public static final String INDEX = "heard-audit";

    private static final int PURGE_BATCH = 1000;

    private final ElasticsearchClient client;

    public AuditLog(ElasticsearchClient client) {
        this.client = client;
    }

    /** A page of entries, newest first, and how many match in all. */
    public record Page(List<AuditEntry> entries, long total) {}

    /** Creates the index with an explicit mapping; harmless when it exists. */
    public void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("id", p -> p.keyword(k -> k))
                        .properties("actor", p -> p.keyword(k -> k))
                        .properties("action", p -> p.keyword(k -> k))
                        .properties("mentionId", p -> p.keyword(k -> k))
                        .properties("conversationId", p -> p.keyword(k -> k))
                        .properties("detail", p -> p.keyword(k -> k.index(false)))
                        .properties("at", p -> p.date(d -> d))
                        .properties("instance", p -> p.keyword(k -> k)));
    }

    /**
     * Appends entries. Create-only: an entry sent twice (a retried batch) stays one entry and an
     * existing entry is never overwritten.
     *
     * @throws UncheckedIOException or {@link ElasticsearchException} when the batch was not taken
     */
    public void append(List<AccessAudited> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(entries.size());
        for (var entry : entries) {
            operations.add(BulkOperation.of(
                    op -> op.create(create -> create.index(INDEX).id(entry.id()).document(entry))));
        }
        var response =
                Store.call(() -> client.bulk(bulk -> bulk.operations(operations).refresh(Refresh.WaitFor)));
        if (response.errors()) {
            var failed = response.items().stream()
                    .filter(item -> item.error() != null
                            && !"version_conflict_engine_exception"
                                    .equals(item.error().type()))
                    .map(item -> item.error().type() + ": " + item.error().reason())
                    .toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException(
                        "Elasticsearch refused " + failed.size() + " audit entries: " + failed.getFirst());
            }
        }
    }

    public Page search(AuditQuery query, int from, int size) {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .query(filters(query))
                        .from(from)
                        .size(size)
                        .trackTotalHits(t -> t.enabled(true))
                        .sort(s -> s.field(f -> f.field("at").order(SortOrder.Desc))),
                AuditEntry.class));
        var entries = response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
        return new Page(
                entries,
                response.hits().total() == null
                        ? entries.size()
                        : response.hits().total().value());
    }

    /** Whether anyone opened the mention's conversation on the desk at or after the instant. */
    public boolean openedSince(String mentionId, Instant since) {
        var response = Store.call(() -> client.count(count -> count.index(INDEX)
                .query(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field("mentionId").value(mentionId)))
                        .filter(f -> f.term(t -> t.field("action").value(AuditAction.CONVERSATION_OPENED.wire())))
                        .filter(f -> f.range(r -> r.date(d -> d.field("at").gte(since.toString()))))))));
        return response.count() > 0;
    }

    /**
     * Deletes every entry older than the cutoff; returns how many went. By search and bulk delete
     * rather than {@code _delete_by_query}: the embedded node carries only the modules Heard needs,
     * and the one serving delete-by-query (reindex) is not among them.
     */
    public long purgeBefore(Instant cutoff) {
        long deleted = 0;
        while (true) {
            var old = Store.call(() -> client.search(
                    search -> search.index(INDEX)
                            .query(q -> q.range(r -> r.date(d -> d.field("at").lt(cutoff.toString()))))
                            .size(PURGE_BATCH)
                            .source(source -> source.fetch(false)),
                    Object.class));
            var ids = old.hits().hits().stream().map(hit -> hit.id()).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            List<BulkOperation> operations = ids.stream()
                    .map(id -> BulkOperation.of(
                            op -> op.delete(delete -> delete.index(INDEX).id(id))))
                    .toList();
            var response = Store.call(
                    () -> client.bulk(bulk -> bulk.operations(operations).refresh(Refresh.True)));
            long gone = response.items().stream()
                    .filter(item -> item.error() == null)
                    .count();
            deleted += gone;
            if (gone == 0) {
                throw new IllegalStateException(
                        "Elasticsearch deleted none of " + ids.size() + " expired audit entries");
            }
        }
    }

    private static Query filters(AuditQuery query) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.matchAll(m -> m));
            if (query.actor() != null && !query.actor().isBlank()) {
                b.filter(f -> f.term(t -> t.field("actor").value(query.actor().strip())));
            }
            if (query.mentionId() != null && !query.mentionId().isBlank()) {
                b.filter(f ->
                        f.term(t -> t.field("mentionId").value(query.mentionId().strip())));
            }
            if (query.from() != null || query.before() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("at");
                    if (query.from() != null) {
                        d.gte(query.from().toString());
                    }
                    if (query.before() != null) {
                        d.lt(query.before().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }
}
