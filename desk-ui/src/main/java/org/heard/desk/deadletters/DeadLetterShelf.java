package org.heard.desk.deadletters;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.heard.contracts.DeadLettered;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;

/**
 * The {@value #INDEX} index: one document per dead letter, with its state. Reading the same dead
 * letter twice (Kafka delivers at least once) keeps one document; the same id arriving after the
 * letter was handled is the input refused again, kept as a new attempt linked to the previous one.
 */
class DeadLetterShelf {

    static final String INDEX = "heard-dead-letters";
    static final String ATTEMPT = "~retry-";

    private final ElasticsearchClient client;

    DeadLetterShelf(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index with an explicit mapping; harmless when it exists. */
    void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("id", p -> p.keyword(k -> k))
                        .properties("rootId", p -> p.keyword(k -> k))
                        .properties("attempt", p -> p.integer(i -> i))
                        .properties("retryOf", p -> p.keyword(k -> k))
                        .properties("source", p -> p.keyword(k -> k))
                        .properties("reason", p -> p.text(t -> t))
                        .properties("payloadEncoding", p -> p.keyword(k -> k))
                        // Kept whole for display and download, never searched.
                        .properties("payload", p -> p.text(t -> t.index(false)))
                        .properties("context", p -> p.object(o -> o.enabled(false)))
                        .properties("deadLetteredAt", p -> p.date(d -> d))
                        .properties("shelvedAt", p -> p.date(d -> d))
                        .properties("state", p -> p.keyword(k -> k))
                        .properties("handledBy", p -> p.keyword(k -> k))
                        .properties("handledAt", p -> p.date(d -> d))
                        .properties("outcome", p -> p.text(t -> t)));
    }

    /**
     * Keeps a dead letter. When one of that id is still pending this is the same letter delivered
     * again and nothing changes; when it was handled, the input was refused again (a retry that
     * failed): it is kept as the next attempt, linked to the previous one, whose outcome says so.
     */
    DeadLetter shelve(DeadLettered letter, Instant at) {
        String previous = null;
        for (int attempt = 1; ; attempt++) {
            String id = attempt == 1 ? letter.id() : letter.id() + ATTEMPT + attempt;
            var existing = find(id);
            if (existing.isPresent()) {
                if (existing.get().letter().state() == DeadLetter.State.PENDING) {
                    return existing.get().letter();
                }
                previous = id;
                continue;
            }
            var shelved = DeadLetter.shelved(letter, id, attempt, previous, at);
            try {
                Store.run(() -> client.create(
                        create -> create.index(INDEX).id(id).document(shelved).refresh(Refresh.WaitFor)));
            } catch (ElasticsearchException e) {
                if (e.status() == 409) {
                    attempt--; // another desk shelved it a moment ago: look again
                    continue;
                }
                throw e;
            }
            if (previous != null) {
                String failedAgain = previous;
                update(
                        failedAgain,
                        change("outcome", outcomeOf(failedAgain) + " It was refused again: see " + id + "."));
            }
            return shelved;
        }
    }

    /** A letter with the version it was read at, so a change to it can be made conditional. */
    record Versioned(DeadLetter letter, long seqNo, long primaryTerm) {}

    Optional<Versioned> find(String id) {
        try {
            var found = Store.call(() -> client.get(get -> get.index(INDEX).id(id), DeadLetter.class));
            if (!found.found() || found.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new Versioned(found.source(), found.seqNo(), found.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Marks a pending letter handled, unless someone else handled it first (it is no longer the
     * version read). Returns false when it was not pending any more.
     */
    boolean handle(Versioned read, DeadLetter.State state, String by, Instant at, String outcome) {
        var change = new LinkedHashMap<String, Object>();
        change.put("state", state.wire());
        change.put("handledBy", by);
        change.put("handledAt", at);
        change.put("outcome", outcome);
        try {
            Store.run(() -> client.update(
                    update -> update.index(INDEX)
                            .id(read.letter().id())
                            .ifSeqNo(read.seqNo())
                            .ifPrimaryTerm(read.primaryTerm())
                            .refresh(Refresh.WaitFor)
                            .doc(change),
                    DeadLetter.class));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** Puts a letter back to pending (a retry that could not even be tried: Kafka was down). */
    void release(String id) {
        var change = new LinkedHashMap<String, Object>();
        change.put("state", DeadLetter.State.PENDING.wire());
        change.put("handledBy", null);
        change.put("handledAt", null);
        update(id, change);
    }

    void recordOutcome(String id, String outcome) {
        update(id, change("outcome", outcome));
    }

    record Page(List<DeadLetter> letters, long total) {}

    /** Newest first. */
    Page search(DeadLetterQuery query, int from, int size) {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .query(toQuery(query))
                        .from(from)
                        .size(size)
                        .trackTotalHits(total -> total.enabled(true))
                        .sort(sort -> sort.field(
                                field -> field.field("deadLetteredAt").order(SortOrder.Desc)))
                        .sort(sort -> sort.field(field -> field.field("id").order(SortOrder.Asc))),
                DeadLetter.class));
        var letters = response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
        long total = response.hits().total() == null
                ? letters.size()
                : response.hits().total().value();
        return new Page(letters, total);
    }

    long count(DeadLetterQuery query) {
        return Store.call(() -> client.count(count -> count.index(INDEX).query(toQuery(query))))
                .count();
    }

    /** First dead letters (not later attempts) of a source whose id starts with the prefix. */
    long countFirstAttempts(String source, String idPrefix) {
        return Store.call(() -> client.count(count -> count.index(INDEX)
                        .query(q -> q.bool(b -> b.filter(
                                        f -> f.term(t -> t.field("source").value(source)))
                                .filter(f -> f.prefix(p -> p.field("rootId").value(idPrefix)))
                                .filter(f -> f.term(t -> t.field("attempt").value(1)))))))
                .count();
    }

    /** The sources seen, for the filter. */
    List<String> sources() {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .size(0)
                        .aggregations(
                                "sources",
                                agg -> agg.terms(terms -> terms.field("source").size(200))),
                Void.class));
        return response.aggregations().get("sources").sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue())
                .sorted()
                .toList();
    }

    private static Query toQuery(DeadLetterQuery query) {
        var filters = new ArrayList<Query>();
        if (query.source() != null && !query.source().isBlank()) {
            filters.add(Query.of(
                    q -> q.prefix(p -> p.field("source").value(query.source().strip()))));
        }
        if (query.state() != null) {
            filters.add(Query.of(
                    q -> q.term(t -> t.field("state").value(query.state().wire()))));
        }
        if (query.from() != null || query.before() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("deadLetteredAt");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.before() != null) {
                    d.lt(query.before().toString());
                }
                return d;
            }))));
        }
        boolean anyWords = query.words() != null && !query.words().isBlank();
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (anyWords) {
                b.must(m -> m.match(match -> match.field("reason")
                        .query(query.words())
                        .operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
            }
            return b;
        }));
    }

    private String outcomeOf(String id) {
        return find(id).map(found -> found.letter().outcome())
                .filter(Objects::nonNull)
                .orElse("");
    }

    private static LinkedHashMap<String, Object> change(String field, Object value) {
        var change = new LinkedHashMap<String, Object>();
        change.put(field, value);
        return change;
    }

    private void update(String id, java.util.Map<String, Object> change) {
        Store.run(() -> client.update(
                update -> update.index(INDEX)
                        .id(id)
                        .refresh(Refresh.WaitFor)
                        .retryOnConflict(3)
                        .doc(change),
                DeadLetter.class));
    }
}
