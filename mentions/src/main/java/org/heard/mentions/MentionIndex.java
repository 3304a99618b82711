package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;

/**
 * The Elasticsearch index of mentions. Writes go through the alias {@value #ALIAS} to a versioned
 * index ({@code heard-mentions-000001}) made from a template, so a later mapping change can
 * re-index behind the alias. The mapping only uses what every Elasticsearch distribution has
 * (standard analyzer, no scripts, no ingest pipelines): see docs/adr/0004.
 */
public class MentionIndex {

    public static final String ALIAS = "heard-mentions";
    static final String FIRST_INDEX = "heard-mentions-000001";
    static final String TEMPLATE = "heard-mentions";

    private final ElasticsearchClient client;

    public MentionIndex(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Creates the template and the first index behind the alias; harmless when they exist. An index
     * made from an older template gets the fields added since ({@code dynamic: strict} would refuse
     * them): the template's mapping is put on every index behind the alias. Adding fields is all a
     * put-mapping can do; changing a field's type needs a re-index behind the alias.
     */
    public void ensureExists() {
        try (InputStream template = MentionIndex.class.getResourceAsStream("mentions-template.json")) {
            Objects.requireNonNull(template, "mentions-template.json missing from the classpath");
            byte[] json = template.readAllBytes();
            client.indices().putIndexTemplate(PutIndexTemplateRequest.of(request -> request.name(TEMPLATE)
                    .withJson(new java.io.ByteArrayInputStream(json))));
            if (!client.indices().existsAlias(request -> request.name(ALIAS)).value()) {
                try {
                    client.indices().create(request -> request.index(FIRST_INDEX)
                            .aliases(ALIAS, alias -> alias.isWriteIndex(true)));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            String mappings = org.heard.contracts.DeskJson.mapper().readTree(json).path("template").path("mappings").toString();
            client.indices().putMapping(request -> request.index(ALIAS).withJson(new java.io.StringReader(mappings)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the mentions index", e);
        }
    }

    /** What became of recording a reply on its mention. */
    public enum ReplyRecorded {
        COUNTED,
        /** The same reply was recorded before (another desk instance, a redelivered outcome). */
        ALREADY_COUNTED,
        NO_SUCH_MENTION
    }

    /**
     * Counts a reply sent on its mention: the first reply's time and the time to it, the reply's id
     * and the composer warnings it was sent despite. Read, change, write with the document's
     * sequence number, so two replies recorded at once are both counted and one recorded twice
     * counts once.
     */
    public ReplyRecorded recordReply(String mentionId, String replyId, java.time.Instant sentAt, java.util.Set<String> warnings) {
        try {
            for (int attempt = 0; ; attempt++) {
                var found = client.get(get -> get.index(ALIAS).id(mentionId), MentionDocument.class);
                if (!found.found() || found.source() == null) {
                    return ReplyRecorded.NO_SUCH_MENTION;
                }
                var mention = found.source();
                var response = mention.response() == null ? MentionResponse.none() : mention.response();
                if (response.counted(replyId)) {
                    return ReplyRecorded.ALREADY_COUNTED;
                }
                var counted = response.withReply(replyId, sentAt, mention.publishedAt(), warnings);
                try {
                    client.update(update -> update.index(found.index()).id(mentionId)
                                    .ifSeqNo(found.seqNo()).ifPrimaryTerm(found.primaryTerm())
                                    .refresh(Refresh.WaitFor)
                                    .doc(Map.of("response", counted)),
                            MentionDocument.class);
                    return ReplyRecorded.COUNTED;
                } catch (ElasticsearchException e) {
                    if (e.status() != 409 || attempt >= 10) {
                        throw e;
                    }
                    // Someone else wrote the mention in between: read it again.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** Records that the conversation led to a change, by whom and when; replaces an earlier mark. */
    public void markChange(String mentionId, MentionResponse.Change change, String by, java.time.Instant at) {
        var mark = new java.util.HashMap<String, Object>();
        mark.put("change", change);
        mark.put("changeAt", at);
        mark.put("changeBy", by);
        correct(mentionId, Map.of("response", mark));
    }

    /**
     * Writes triaged mentions. A mention indexed before keeps what staff did with it (status,
     * assignee); only the mention and its tags are replaced, so re-ingesting is harmless.
     *
     * @return the mentions Elasticsearch refused, with its reason (a mapping error, a bad value)
     * @throws UncheckedIOException when Elasticsearch cannot be reached: nothing was written for sure, retry all
     */
    public Map<String, String> upsertAll(List<MentionDocument> documents) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        var operations = new ArrayList<BulkOperation>(documents.size());
        for (var document : documents) {
            operations.add(BulkOperation.of(op -> op.update(update -> update.index(ALIAS)
                    .id(document.mentionId())
                    .retryOnConflict(3)
                    .action(action -> action.doc(document).upsert(document.asNew())))));
        }
        try {
            // wait_for: once this returns the mentions are searchable, so the desk, told by the
            // triaged event that follows, finds them. Costs at most one refresh interval per batch.
            var response = client.bulk(bulk -> bulk.refresh(Refresh.WaitFor).operations(operations));
            var refused = new LinkedHashMap<String, String>();
            if (response.errors()) {
                for (var item : response.items()) {
                    if (item.error() != null) {
                        refused.put(item.id(), item.error().type() + ": " + item.error().reason());
                    }
                }
            }
            return refused;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** Records where staff are with a mention; the text and tags are left as they are. */
    public void updateStatus(String mentionId, MentionStatus status, String assignee, java.time.Instant at) {
        var change = new java.util.HashMap<String, Object>();
        change.put("status", status);
        change.put("updatedAt", at);
        if (assignee != null) {
            change.put("assignee", assignee);
        }
        try {
            client.update(update -> update.index(ALIAS).id(mentionId).refresh(Refresh.WaitFor).retryOnConflict(3).doc(change),
                    MentionDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /**
     * A staff correction of tags, merged into the document (for example {@code sentiment.label}).
     * The corrected tags ({@code sentiment}, {@code services}, {@code urgency}) are marked in
     * {@code corrections}, so a later re-triage leaves them as staff set them; the desk also keeps
     * every correction in its activity index as labelled data.
     */
    public void correct(String mentionId, Map<String, Object> change) {
        var marked = new LinkedHashMap<String, Object>(change);
        var corrections = new LinkedHashMap<String, Object>();
        for (String tag : CORRECTABLE) {
            if (change.containsKey(tag)) {
                corrections.put(tag, true);
            }
        }
        if (!corrections.isEmpty()) {
            marked.put("corrections", corrections);
        }
        try {
            client.update(update -> update.index(ALIAS).id(mentionId).refresh(Refresh.WaitFor).retryOnConflict(3).doc(marked),
                    MentionDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** The tags staff can correct; a corrected one is never replaced by a re-triage. */
    static final List<String> CORRECTABLE = List.of("sentiment", "services", "urgency");

    /** The mentions of these ids that are indexed (missing ones are left out), in no particular order. */
    public List<MentionDocument> findAll(java.util.Collection<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return List.of();
        }
        try {
            var response = client.mget(get -> get.index(ALIAS).ids(List.copyOf(mentionIds)), MentionDocument.class);
            return response.docs().stream()
                    .filter(item -> item.isResult() && item.result().found() && item.result().source() != null)
                    .map(item -> item.result().source())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /**
     * Replaces the machine's tags of indexed mentions (a re-triage) and nothing else: status,
     * assignee and the text stay, and so does every tag staff corrected. Each write is conditional on
     * the version it was computed from, so a correction made meanwhile is never overwritten: the
     * write is computed again from the new version.
     *
     * @param jobId recorded in {@code retriage.job}, which is how a job counts what is done
     * @return the mentions that were not re-tagged, with the reason (gone from the index, refused)
     * @throws UncheckedIOException when Elasticsearch cannot be reached
     */
    public Map<String, String> retagAll(List<org.heard.contracts.MentionTriaged> tags, String jobId, java.time.Instant at) {
        var pending = new LinkedHashMap<String, org.heard.contracts.MentionTriaged>();
        tags.forEach(tag -> pending.put(tag.mentionId().value(), tag));
        var notRetagged = new LinkedHashMap<String, String>();
        try {
            for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
                @SuppressWarnings("rawtypes")
                var current = client.mget(get -> get.index(ALIAS).ids(List.copyOf(pending.keySet())), Map.class);
                var operations = new ArrayList<BulkOperation>();
                for (var item : current.docs()) {
                    if (!item.isResult() || !item.result().found() || item.result().seqNo() == null) {
                        String id = item.isResult() ? item.result().id() : item.failure().id();
                        notRetagged.put(id, "no longer in the index");
                        pending.remove(id);
                        continue;
                    }
                    var found = item.result();
                    var change = retagged(pending.get(found.id()), found.source(), jobId, at);
                    operations.add(BulkOperation.of(op -> op.update(update -> update.index(found.index())
                            .id(found.id())
                            .ifSeqNo(found.seqNo())
                            .ifPrimaryTerm(found.primaryTerm())
                            .action(action -> action.doc(change)))));
                }
                if (operations.isEmpty()) {
                    break;
                }
                var response = client.bulk(bulk -> bulk.operations(operations));
                for (var item : response.items()) {
                    if (item.error() == null) {
                        pending.remove(item.id());
                    } else if (!"version_conflict_engine_exception".equals(item.error().type())) {
                        notRetagged.put(item.id(), item.error().type() + ": " + item.error().reason());
                        pending.remove(item.id());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
        pending.keySet().forEach(id -> notRetagged.put(id, "changed by others five times while being re-tagged"));
        return notRetagged;
    }

    private static Map<String, Object> retagged(org.heard.contracts.MentionTriaged tags, Map<?, ?> current, String jobId,
            java.time.Instant at) {
        var corrections = current == null || !(current.get("corrections") instanceof Map<?, ?> marked) ? Map.of() : marked;
        var change = new LinkedHashMap<String, Object>();
        if (!Boolean.TRUE.equals(corrections.get("sentiment"))) {
            change.put("sentiment", tags.sentiment());
        }
        if (!Boolean.TRUE.equals(corrections.get("services"))) {
            change.put("services", tags.services());
        }
        if (!Boolean.TRUE.equals(corrections.get("urgency"))) {
            change.put("urgency", tags.urgency());
            change.put("urgencyRank", tags.urgency().level().rank());
        }
        change.put("personalData", tags.personalData());
        change.put("sentences", tags.sentences());
        change.put("model", tags.model());
        change.put("triagedAt", tags.triagedAt());
        change.put("retriage", Map.of("job", jobId, "at", at));
        return change;
    }

    /** How many mentions a re-triage job has re-tagged so far. */
    public long countRetagged(String jobId) {
        try {
            return client.count(count -> count.index(ALIAS).query(q -> q.term(t -> t.field("retriage.job").value(jobId)))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /**
     * Walks the ids of every mention matching the query, page by page, over a point-in-time view of
     * the index: mentions arriving meanwhile are not included and none is seen twice. Close it.
     */
    public Walk walk(MentionQuery query, java.time.Duration keepAlive) {
        try {
            String keep = keepAlive.toSeconds() + "s";
            String pit = client.openPointInTime(open -> open.index(ALIAS).keepAlive(k -> k.time(keep))).id();
            Query matching = toQuery(query);
            // Counted on the same point in time as the walk, so the walk ends exactly at the total.
            var counted = client.search(search -> search.pit(p -> p.id(pit).keepAlive(k -> k.time(keep)))
                    .query(matching).size(0).trackTotalHits(t -> t.enabled(true)), Void.class);
            return new Walk(pit, keep, matching, counted.hits().total() == null ? 0 : counted.hits().total().value());
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** A walk through the matching mentions; {@link #total()} was counted when it began. */
    public final class Walk implements AutoCloseable {

        private String pit;
        private final String keepAlive;
        private final Query query;
        private final long total;
        private List<co.elastic.clients.elasticsearch._types.FieldValue> after = List.of();

        private Walk(String pit, String keepAlive, Query query, long total) {
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
            try {
                var response = client.search(search -> {
                    search.pit(p -> p.id(pit).keepAlive(k -> k.time(keepAlive)))
                            .query(query)
                            .size(size)
                            .source(source -> source.fetch(false))
                            .trackTotalHits(t -> t.enabled(false))
                            .sort(sort -> sort.field(field -> field.field("_shard_doc").order(SortOrder.Asc)));
                    if (!after.isEmpty()) {
                        search.searchAfter(after);
                    }
                    return search;
                }, Void.class);
                if (response.pitId() != null) {
                    pit = response.pitId();
                }
                var hits = response.hits().hits();
                if (!hits.isEmpty()) {
                    after = hits.getLast().sort();
                }
                return hits.stream().map(hit -> hit.id()).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Elasticsearch is unreachable", e);
            }
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

    /** One mention by id, if indexed. */
    public java.util.Optional<MentionDocument> find(String mentionId) {
        try {
            var response = client.get(get -> get.index(ALIAS).id(mentionId), MentionDocument.class);
            return response.found() ? java.util.Optional.ofNullable(response.source()) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** Mentions matching the words, most urgent first, then those who have waited longest. */
    public SearchPage search(String words, int from, int size) {
        return search(MentionQuery.everything().withWords(words), from, size);
    }

    /** Mentions matching the query, most urgent first, then those who have waited longest. */
    public SearchPage search(MentionQuery query, int from, int size) {
        try {
            var response = client.search(search -> search.index(ALIAS)
                            .query(toQuery(query))
                            .from(from)
                            .size(size)
                            .trackTotalHits(total -> total.enabled(true))
                            .sort(sort -> sort.field(field -> field.field("urgencyRank").order(SortOrder.Asc).missing("_last")))
                            .sort(sort -> sort.field(field -> field.field("publishedAt").order(SortOrder.Asc))),
                    MentionDocument.class);
            var hits = response.hits().hits().stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            return new SearchPage(hits, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /**
     * A page of mentions matching the query (as {@link #search(MentionQuery, int, int)}) and, in the
     * same request, how many mentions match each of the named queries (a {@code filters}
     * aggregation in a {@code global} one: over the whole index, not within the page's query): an
     * inbox's list and its tabs' counts in one round trip.
     */
    public CountedPage searchCounting(MentionQuery query, int from, int size, Map<String, MentionQuery> counts) {
        var filters = new LinkedHashMap<String, Query>();
        counts.forEach((name, counted) -> filters.put(name, toQuery(counted)));
        try {
            var response = client.search(search -> {
                search.index(ALIAS)
                        .query(toQuery(query))
                        .from(from)
                        .size(size)
                        .trackTotalHits(total -> total.enabled(true))
                        .sort(sort -> sort.field(field -> field.field("urgencyRank").order(SortOrder.Asc).missing("_last")))
                        .sort(sort -> sort.field(field -> field.field("publishedAt").order(SortOrder.Asc)));
                if (!filters.isEmpty()) {
                    // global: each count runs over the whole index, not within the page's query.
                    search.aggregations("all", all -> all.global(global -> global)
                            .aggregations("counts", counted -> counted.filters(f -> f.filters(b -> b.keyed(filters)))));
                }
                return search;
            }, MentionDocument.class);
            var hits = response.hits().hits().stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            var counted = new LinkedHashMap<String, Long>();
            if (!filters.isEmpty()) {
                var buckets = response.aggregations().get("all").global().aggregations().get("counts").filters().buckets().keyed();
                filters.keySet().forEach(name -> counted.put(name, buckets.get(name).docCount()));
            }
            return new CountedPage(new SearchPage(hits, total), counted);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** A page of mentions and the counts asked for with it, by name. */
    public record CountedPage(SearchPage page, Map<String, Long> counts) {}

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
        try {
            var response = client.search(search -> {
                search.index(ALIAS)
                        .query(toQuery(query))
                        .size(size)
                        .trackTotalHits(total -> total.enabled(true))
                        .sort(sort -> sort.field(field -> field.field(timeField).order(direction)))
                        .sort(sort -> sort.field(field -> field.field("mentionId").order(direction)));
                if (after != null) {
                    search.searchAfter(co.elastic.clients.elasticsearch._types.FieldValue.of(after.at()),
                            co.elastic.clients.elasticsearch._types.FieldValue.of(after.mentionId()));
                }
                return search;
            }, MentionDocument.class);
            var mentions = new ArrayList<MentionDocument>();
            var positions = new ArrayList<Position>();
            for (var hit : response.hits().hits()) {
                if (hit.source() == null) {
                    continue;
                }
                mentions.add(hit.source());
                positions.add(new Position(hit.sort().get(0).longValue(), hit.sort().get(1).stringValue()));
            }
            long total = response.hits().total() == null ? mentions.size() : response.hits().total().value();
            return new CursorPage(mentions, positions, total);
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
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
        try {
            return client.count(count -> count.index(ALIAS).query(toQuery(query))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** Every mention of a conversation, oldest first (a thread is short: at most {@code limit}). */
    public List<MentionDocument> conversation(String conversationId, int limit) {
        try {
            var response = client.search(search -> search.index(ALIAS)
                            .query(q -> q.term(term -> term.field("conversationId").value(conversationId)))
                            .size(limit)
                            .sort(sort -> sort.field(field -> field.field("publishedAt").order(SortOrder.Asc))),
                    MentionDocument.class);
            return response.hits().hits().stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** The query the index runs for a {@link MentionQuery}: for callers that add aggregations or filters of their own. */
    public static Query toQuery(MentionQuery query) {
        var filters = new ArrayList<Query>();
        if (query.visibleServices() != null) {
            filters.add(terms("services.serviceId", query.visibleServices()));
        }
        if (!query.channels().isEmpty()) {
            filters.add(terms("channel", query.channels().stream().map(Channel::wire).toList()));
        }
        if (!query.services().isEmpty()) {
            filters.add(terms("services.serviceId", query.services()));
        }
        if (!query.sentiments().isEmpty()) {
            filters.add(terms("sentiment.label", query.sentiments().stream().map(Sentiment.Label::wire).toList()));
        }
        if (!query.urgencies().isEmpty()) {
            filters.add(terms("urgency.level", query.urgencies().stream().map(Urgency.Level::wire).toList()));
        }
        if (!query.statuses().isEmpty()) {
            filters.add(terms("status", query.statuses().stream().map(MentionStatus::wire).toList()));
        }
        if (MentionQuery.UNASSIGNED.equals(query.assignee())) {
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("assignee"))))));
        } else if (query.assignee() != null && !query.assignee().isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("assignee").value(query.assignee()))));
        }
        if (query.publishedFrom() != null || query.publishedBefore() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (query.publishedFrom() != null) {
                    d.gte(query.publishedFrom().toString());
                }
                if (query.publishedBefore() != null) {
                    d.lt(query.publishedBefore().toString());
                }
                return d;
            }))));
        }
        String words = query.words();
        boolean anyWords = words != null && !words.isBlank();
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (anyWords) {
                b.must(m -> m.multiMatch(match -> match.query(words)
                        .fields("subject^2", "text", "lemmas", "author.displayName", "author.handle", "urgency.reasons")));
            }
            return b;
        }));
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        var fieldValues = values.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    public record SearchPage(List<MentionDocument> mentions, long total) {}
}
