package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.heard.platform.search.Store;

/** Reads of the mention index: by id, by conversation, searches in the desk's orders, counts and walks. */
public final class MentionSearch {

    private static final String ALIAS = MentionIndexSchema.ALIAS;

    private final ElasticsearchClient client;

    public MentionSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** One mention by id, if indexed. */
    public Optional<MentionDocument> find(String mentionId) {
        var response = Store.call(() -> client.get(get -> get.index(ALIAS).id(mentionId), MentionDocument.class));
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The mentions of these ids that are indexed (missing ones are left out), in no particular order. */
    public List<MentionDocument> findAll(Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return List.of();
        }
        var response = Store.call(
                () -> client.mget(get -> get.index(ALIAS).ids(List.copyOf(mentionIds)), MentionDocument.class));
        return response.docs().stream()
                .filter(item -> item.isResult()
                        && item.result().found()
                        && item.result().source() != null)
                .map(item -> item.result().source())
                .toList();
    }

    /** Every mention of a conversation, oldest first (a thread is short: at most {@code limit}). */
    public List<MentionDocument> conversation(String conversationId, int limit) {
        var response = Store.call(() -> client.search(
                search -> search.index(ALIAS)
                        .query(q -> q.term(term -> term.field("conversationId").value(conversationId)))
                        .size(limit)
                        .sort(sort ->
                                sort.field(field -> field.field("publishedAt").order(SortOrder.Asc))),
                MentionDocument.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
    }

    /** Mentions matching the words, most urgent first, then those who have waited longest. */
    public SearchPage search(String words, int from, int size) {
        return search(MentionQuery.everything().withWords(words), from, size);
    }

    /** Mentions matching the query, most urgent first, then those who have waited longest. */
    public SearchPage search(MentionQuery query, int from, int size) {
        var response = Store.call(() -> client.search(
                search -> search.index(ALIAS)
                        .query(MentionQueries.toQuery(query))
                        .from(from)
                        .size(size)
                        .trackTotalHits(total -> total.enabled(true))
                        .sort(sort -> sort.field(field ->
                                field.field("urgencyRank").order(SortOrder.Asc).missing("_last")))
                        .sort(sort ->
                                sort.field(field -> field.field("publishedAt").order(SortOrder.Asc))),
                MentionDocument.class));
        var hits = response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        return new SearchPage(hits, total);
    }

    public record SearchPage(List<MentionDocument> mentions, long total) {}

    /**
     * A page of mentions matching the query (as {@link #search(MentionQuery, int, int)}) and, in the
     * same request, how many mentions match each of the named queries (a {@code filters}
     * aggregation in a {@code global} one: over the whole index, not within the page's query): an
     * inbox's list and its tabs' counts in one round trip.
     */
    public CountedPage searchCounting(
            MentionQuery query, int from, int size, java.util.Map<String, MentionQuery> counts) {
        var filters = new java.util.LinkedHashMap<String, Query>();
        counts.forEach((name, counted) -> filters.put(name, MentionQueries.toQuery(counted)));
        var response = Store.call(() -> client.search(
                search -> {
                    search.index(ALIAS)
                            .query(MentionQueries.toQuery(query))
                            .from(from)
                            .size(size)
                            .trackTotalHits(total -> total.enabled(true))
                            .sort(sort -> sort.field(field -> field.field("urgencyRank")
                                    .order(SortOrder.Asc)
                                    .missing("_last")))
                            .sort(sort -> sort.field(
                                    field -> field.field("publishedAt").order(SortOrder.Asc)));
                    if (!filters.isEmpty()) {
                        search.aggregations(
                                "all",
                                all -> all.global(global -> global)
                                        .aggregations(
                                                "counts",
                                                counted -> counted.filters(f -> f.filters(b -> b.keyed(filters)))));
                    }
                    return search;
                },
                MentionDocument.class));
        var hits = response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
        long total = response.hits().total() == null
                ? hits.size()
                : response.hits().total().value();
        var counted = new java.util.LinkedHashMap<String, Long>();
        if (!filters.isEmpty()) {
            var buckets = response.aggregations()
                    .get("all")
                    .global()
                    .aggregations()
                    .get("counts")
                    .filters()
                    .buckets()
                    .keyed();
            filters.keySet().forEach(name -> counted.put(name, buckets.get(name).docCount()));
        }
        return new CountedPage(new SearchPage(hits, total), counted);
    }

    /** A page of mentions and the counts asked for with it, by name. */
    public record CountedPage(SearchPage page, java.util.Map<String, Long> counts) {}

    /**
     * One page of mentions in an order of fields that never change once indexed, continuing after
     * the last page's position ({@code search_after}). A mention never moves between pages, so paging
     * through gives no duplicates and no gaps, however many mentions arrive or change meanwhile.
     *
     * @param after the {@link Position} of the previous page's last mention; null for the first page
     */
    public CursorPage searchAfter(MentionQuery query, Order order, Position after, int size) {
        var direction = order == Order.NEWEST_PUBLISHED ? SortOrder.Desc : SortOrder.Asc;
        String timeField = order == Order.TRIAGED ? "triagedAt" : "publishedAt";
        var response = Store.call(() -> client.search(
                search -> {
                    search.index(ALIAS)
                            .query(MentionQueries.toQuery(query))
                            .size(size)
                            .trackTotalHits(total -> total.enabled(true))
                            .sort(sort ->
                                    sort.field(field -> field.field(timeField).order(direction)))
                            .sort(sort ->
                                    sort.field(field -> field.field("mentionId").order(direction)));
                    if (after != null) {
                        search.searchAfter(FieldValue.of(after.at()), FieldValue.of(after.mentionId()));
                    }
                    return search;
                },
                MentionDocument.class));
        var mentions = new ArrayList<MentionDocument>();
        var positions = new ArrayList<Position>();
        for (var hit : response.hits().hits()) {
            if (hit.source() == null) {
                continue;
            }
            mentions.add(hit.source());
            positions.add(new Position(
                    hit.sort().get(0).longValue(), hit.sort().get(1).stringValue()));
        }
        long total = response.hits().total() == null
                ? mentions.size()
                : response.hits().total().value();
        return new CursorPage(mentions, positions, total);
    }

    /** Orders for {@link #searchAfter}: each by a time that does not change, then by id. */
    public enum Order {
        NEWEST_PUBLISHED,
        OLDEST_PUBLISHED,
        /** When triage tagged it (again, after a re-triage): the order mentions arrive on the desk. */
        TRIAGED
    }

    /** Where a mention stands in an {@link Order}: its time (epoch milliseconds) and id. */
    public record Position(long at, String mentionId) {}

    /**
     * @param positions each mention's position, in the same order: continue after the last one shown
     * @param total how many mentions match the query now (on every page, not only after the cursor)
     */
    public record CursorPage(List<MentionDocument> mentions, List<Position> positions, long total) {}

    /** How many mentions match, without fetching any. */
    public long count(MentionQuery query) {
        return Store.call(() -> client.count(count -> count.index(ALIAS).query(MentionQueries.toQuery(query))))
                .count();
    }

    /** How many mentions a re-triage job has re-tagged so far. */
    public long countRetagged(String jobId) {
        return Store.call(() -> client.count(count -> count.index(ALIAS)
                        .query(q -> q.term(t -> t.field("retriage.job").value(jobId)))))
                .count();
    }

    /**
     * Walks the ids of every mention matching the query, page by page, over a point-in-time view of
     * the index: mentions arriving meanwhile are not included and none is seen twice. Close it.
     */
    public Walk walk(MentionQuery query, Duration keepAlive) {
        String keep = keepAlive.toSeconds() + "s";
        String pit = Store.call(
                        () -> client.openPointInTime(open -> open.index(ALIAS).keepAlive(k -> k.time(keep))))
                .id();
        Query matching = MentionQueries.toQuery(query);
        // Counted on the same point in time as the walk, so the walk ends exactly at the total.
        var counted = Store.call(() -> client.search(
                search -> search.pit(p -> p.id(pit).keepAlive(k -> k.time(keep)))
                        .query(matching)
                        .size(0)
                        .trackTotalHits(t -> t.enabled(true)),
                Void.class));
        return new Walk(
                client,
                pit,
                keep,
                matching,
                counted.hits().total() == null ? 0 : counted.hits().total().value());
    }

    /** A walk through the matching mentions; {@link #total()} was counted when it began. */
    public static final class Walk implements AutoCloseable {

        private final ElasticsearchClient client;
        private String pit;
        private final String keepAlive;
        private final Query query;
        private final long total;
        private List<FieldValue> after = List.of();

        private Walk(ElasticsearchClient client, String pit, String keepAlive, Query query, long total) {
            this.client = client;
            this.pit = pit;
            this.keepAlive = keepAlive;
            this.query = query;
            this.total = total;
        }

        public long total() {
            return total;
        }

        /** The next ids, at most {@code size}; empty at the end. */
        public List<String> next(int size) {
            var response = Store.call(() -> client.search(
                    search -> {
                        search.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive)))
                                .query(query)
                                .size(size)
                                .source(source -> source.fetch(false))
                                .trackTotalHits(t -> t.enabled(false))
                                .sort(sort -> sort.field(
                                        field -> field.field("_shard_doc").order(SortOrder.Asc)));
                        if (!after.isEmpty()) {
                            search.searchAfter(after);
                        }
                        return search;
                    },
                    Void.class));
            if (response.pitId() != null) {
                pit = response.pitId();
            }
            var hits = response.hits().hits();
            if (!hits.isEmpty()) {
                after = hits.getLast().sort();
            }
            return hits.stream().map(hit -> hit.id()).toList();
        }

        @Override
        public void close() {
            try {
                client.closePointInTime(close -> close.id(pit));
            } catch (IOException | ElasticsearchException e) {
                // It expires by itself after keepAlive.
            }
        }
    }
}
