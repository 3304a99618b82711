package org.heard.desk.retriage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.heard.platform.search.Store;

/**
 * Re-triage jobs in {@value #INDEX}, and the lock in {@value #LOCK} that lets one run at a time
 * across every desk instance: starting a job creates the lock document, which only one can do.
 */
class RetriageJobs {

    static final String INDEX = "heard-retriage-jobs";
    static final String LOCK = "heard-retriage-lock";
    private static final String LOCK_ID = "active";

    private final ElasticsearchClient client;

    RetriageJobs(ElasticsearchClient client) {
        this.client = client;
    }

    void ensureExists() {
        create(
                INDEX,
                () -> client.indices()
                        .create(create -> create.index(INDEX)
                                .settings(settings -> settings.numberOfShards("1"))
                                .mappings(mappings -> mappings.dynamic(DynamicMapping.Strict)
                                        .properties("id", p -> p.keyword(k -> k))
                                        .properties("state", p -> p.keyword(k -> k))
                                        .properties("requestedBy", p -> p.keyword(k -> k))
                                        .properties("requestedAt", p -> p.date(d -> d))
                                        .properties("from", p -> p.date(d -> d))
                                        .properties("before", p -> p.date(d -> d))
                                        .properties("service", p -> p.keyword(k -> k))
                                        .properties("channel", p -> p.keyword(k -> k))
                                        .properties("total", p -> p.long_(l -> l))
                                        .properties("published", p -> p.long_(l -> l))
                                        .properties("done", p -> p.long_(l -> l))
                                        .properties("failed", p -> p.long_(l -> l))
                                        .properties("heartbeatAt", p -> p.date(d -> d))
                                        .properties("finishedBy", p -> p.keyword(k -> k))
                                        .properties("finishedAt", p -> p.date(d -> d))
                                        .properties("message", p -> p.text(t -> t)))));
        create(
                LOCK,
                () -> client.indices()
                        .create(create -> create.index(LOCK)
                                .settings(settings -> settings.numberOfShards("1"))
                                .mappings(mappings -> mappings.dynamic(DynamicMapping.Strict)
                                        .properties("jobId", p -> p.keyword(k -> k))
                                        .properties("at", p -> p.date(d -> d)))));
    }

    private interface Creation {
        void run() throws IOException;
    }

    private void create(String index, Creation creation) {
        try {
            if (!client.indices().exists(exists -> exists.index(index)).value()) {
                creation.run();
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + index, e);
        }
    }

    /** Takes the lock for this job; false when another job holds it. */
    boolean lock(String jobId, Instant at) {
        try {
            Store.run(() -> client.create(create -> create.index(LOCK)
                    .id(LOCK_ID)
                    .document(Map.of("jobId", jobId, "at", at))
                    .refresh(Refresh.WaitFor)));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    /** The job holding the lock, if any. */
    Optional<String> lockedBy() {
        @SuppressWarnings("rawtypes")
        var found = Store.call(() -> client.get(get -> get.index(LOCK).id(LOCK_ID), Map.class));
        return found.found() && found.source() != null
                ? Optional.ofNullable((String) found.source().get("jobId"))
                : Optional.empty();
    }

    /** Lets the lock go, if this job holds it. */
    void unlock(String jobId) {
        if (lockedBy().filter(jobId::equals).isEmpty()) {
            return;
        }
        try {
            Store.run(
                    () -> client.delete(delete -> delete.index(LOCK).id(LOCK_ID).refresh(Refresh.WaitFor)));
        } catch (ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    void save(RetriageJob job) {
        Store.run(() -> client.index(
                index -> index.index(INDEX).id(job.id()).document(job).refresh(Refresh.WaitFor)));
    }

    void update(String jobId, Map<String, Object> change) {
        Store.run(() -> client.update(
                update -> update.index(INDEX)
                        .id(jobId)
                        .retryOnConflict(3)
                        .refresh(Refresh.WaitFor)
                        .doc(change),
                RetriageJob.class));
    }

    Optional<RetriageJob> find(String jobId) {
        var found = Store.call(() -> client.get(get -> get.index(INDEX).id(jobId), RetriageJob.class));
        return found.found() ? Optional.ofNullable(found.source()) : Optional.empty();
    }

    /** The latest jobs, newest first. */
    List<RetriageJob> recent(int limit) {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .size(limit)
                        .sort(sort ->
                                sort.field(field -> field.field("requestedAt").order(SortOrder.Desc))),
                RetriageJob.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
    }
}
