package org.heard.desk.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key}: the answer to a request that sent something, kept under the caller's
 * key in the Elasticsearch index {@value #INDEX}, so a retried POST (after a timeout, a dropped
 * connection) gets the same answer instead of sending the reply again. Claiming a key is an
 * atomic create, so two copies of a request arriving together on two desk instances send once.
 * Keys are forgotten after {@link #RETENTION}.
 */
class IdempotencyKeys implements AutoCloseable {

    static final String INDEX = "heard-api-idempotency";
    /** How long a key is kept. A retry comes within minutes; a day also outlives a client's restart. */
    static final Duration RETENTION = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    /** What a claim found. */
    sealed interface Claim {
        /** The key is new: go ahead, then {@link #complete} or {@link #release} it. */
        record Claimed(String id) implements Claim {}

        /** A request with this key was answered: give the same answer. */
        record Answered(String requestHash, int status, Map<String, Object> body) implements Claim {}

        /** A request with this key is being handled (or its handler died midway: the outcome is unknown). */
        record InProgress(Instant since) implements Claim {}
    }

    /** Stored per key: pending until answered; then the status and body of the answer. */
    record Entry(
            String caller, String requestHash, String state, Integer status, Map<String, Object> body, Instant at) {}

    private final ElasticsearchClient client;
    private final Clock clock;
    private final ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("heard-api-idempotency").daemon().factory());

    IdempotencyKeys(ElasticsearchClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Forgets expired keys now and then (each instance; deleting twice is harmless). */
    void start() {
        cleaner.scheduleWithFixedDelay(
                () -> {
                    try {
                        forgetExpired();
                    } catch (RuntimeException e) {
                        log.warn("Could not forget expired idempotency keys; trying again in an hour", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        cleaner.shutdownNow();
    }

    /**
     * Deletes the keys older than {@link #RETENTION}, answered or not: a request left midway
     * becomes retryable after a day, when someone has surely looked at the conversation.
     *
     * @return how many were forgotten
     */
    long forgetExpired() {
        String before = clock.instant().minus(RETENTION).toString();
        long forgotten = 0;
        // Found, then deleted by id: delete-by-query is a module not every distribution has (docs/adr/0004).
        while (true) {
            var expired = Store.call(() -> client.search(
                    search -> search.index(INDEX)
                            .size(500)
                            .source(source -> source.fetch(false))
                            .query(q -> q.range(r -> r.date(d -> d.field("at").lt(before)))),
                    Void.class));
            var ids = expired.hits().hits().stream().map(hit -> hit.id()).toList();
            if (ids.isEmpty()) {
                return forgotten;
            }
            Store.run(() -> client.bulk(bulk -> bulk.refresh(Refresh.WaitFor)
                    .operations(ids.stream()
                            .map(id -> BulkOperation.of(op ->
                                    op.delete(delete -> delete.index(INDEX).id(id))))
                            .toList())));
            forgotten += ids.size();
        }
    }

    void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("caller", p -> p.keyword(k -> k))
                        .properties("requestHash", p -> p.keyword(k -> k))
                        .properties("state", p -> p.keyword(k -> k))
                        .properties("status", p -> p.integer(i -> i))
                        .properties("body", p -> p.object(o -> o.enabled(false)))
                        .properties("at", p -> p.date(d -> d)));
    }

    /**
     * Claims a caller's key for a request.
     *
     * @param requestHash what the request asked, so a key reused for a different request is noticed
     */
    Claim claim(String caller, String key, String requestHash) {
        String id = sha256(caller + "\n" + key);
        var entry = new Entry(caller, requestHash, "pending", null, null, clock.instant());
        try {
            Store.run(() -> client.create(create ->
                    create.index(INDEX).id(id).refresh(Refresh.WaitFor).document(entry)));
            return new Claim.Claimed(id);
        } catch (ElasticsearchException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        var found = Store.call(() -> client.get(get -> get.index(INDEX).id(id), Entry.class));
        if (!found.found() || found.source() == null) {
            // Released between our create and this read: the caller may simply retry.
            return new Claim.InProgress(clock.instant());
        }
        var stored = found.source();
        return "answered".equals(stored.state())
                ? new Claim.Answered(stored.requestHash(), stored.status(), stored.body())
                : new Claim.InProgress(stored.at());
    }

    /** Keeps the answer for the key: a retry gets it again. */
    void complete(Claim.Claimed claim, String caller, String requestHash, int status, Map<String, Object> body) {
        var entry = new Entry(caller, requestHash, "answered", status, body, clock.instant());
        Store.run(() -> client.index(index ->
                index.index(INDEX).id(claim.id()).refresh(Refresh.WaitFor).document(entry)));
    }

    /** Frees the key when nothing was sent (warnings to acknowledge, a refusal): the caller may try again with it. */
    void release(Claim.Claimed claim) {
        Store.run(
                () -> client.delete(delete -> delete.index(INDEX).id(claim.id()).refresh(Refresh.WaitFor)));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
