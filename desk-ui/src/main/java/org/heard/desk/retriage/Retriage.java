package org.heard.desk.retriage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.contracts.RetriageRequested;
import org.heard.contracts.Topics;
import org.heard.desk.deadletters.DeadLetterCounts;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * Starts, runs, follows and cancels re-triage jobs. A job runs on a thread of the desk instance that
 * started it; everything about it is kept in Elasticsearch, so every instance shows the same
 * progress and can cancel it. Admins only, checked here on the server.
 */
public class Retriage implements AutoCloseable {

    /** Triage names its dead letters {@code retriage-<job>-<mention>}: that is how failures are counted. */
    static final String DEAD_LETTER_SOURCE = "retriage";
    /** A running job not heard from for this long has lost its desk instance. */
    static final Duration SILENT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(Retriage.class);

    sealed interface Outcome {
        record Started(RetriageJob job) implements Outcome {}

        record Cancelled(RetriageJob job) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    /**
     * Where a job stands.
     *
     * @param interrupted running, but its desk instance has not been heard of for a while
     */
    record Progress(RetriageJob job, long total, long done, long failed, boolean interrupted) {

        /** 0 to 1; a job with nothing to do is complete. */
        double fraction() {
            return total == 0 ? 1.0 : Math.min(1.0, (double) (done + failed) / total);
        }
    }

    private final RetriageJobs jobs;
    private final MentionSearch index;
    private final DeadLetterCounts deadLetters;
    private final EventPublisher publisher;
    private final RetriageSettings settings;
    private final Clock clock;
    private final Duration pause;
    // A thread per job: a cancelled job still finishing its last page never holds up the next one (the lock keeps one
    // running).
    private final ExecutorService runner = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("heard-retriage-job-", 1).factory());

    Retriage(
            RetriageJobs jobs,
            MentionSearch index,
            DeadLetterCounts deadLetters,
            EventPublisher publisher,
            RetriageSettings settings,
            Clock clock,
            Duration pause) {
        this.jobs = jobs;
        this.index = index;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
    }

    /** Starts a job over mentions published in [from, before), optionally of one service or channel. */
    Outcome start(StaffUser user, Instant from, Instant before, String service, Channel channel) {
        if (!isAdmin(user)) {
            return new Outcome.Refused("Only admins can re-triage");
        }
        if (from == null || before == null || !from.isBefore(before)) {
            return new Outcome.Refused("Choose a date range: a first day and a last day after it");
        }
        var now = clock.instant();
        var job = new RetriageJob(
                UUID.randomUUID().toString(),
                RetriageJob.State.RUNNING,
                user.getUsername(),
                now,
                from,
                before,
                service == null || service.isBlank() ? null : service,
                channel,
                null,
                0L,
                null,
                null,
                now,
                null,
                null,
                null);
        if (!jobs.lock(job.id(), now)) {
            return new Outcome.Refused("Another re-triage job is running: wait for it or cancel it");
        }
        try {
            jobs.save(job);
            runner.execute(() -> run(job));
        } catch (RuntimeException e) {
            jobs.unlock(job.id());
            throw e;
        }
        log.info(
                "Re-triage job {} started by {}: {} to {}, service {}, channel {}",
                job.id(),
                user.getUsername(),
                from,
                before,
                job.service(),
                channel);
        return new Outcome.Started(job);
    }

    /** Stops a running job: nothing more is published; requests already out are still done. */
    Outcome cancel(StaffUser user, String jobId) {
        if (!isAdmin(user)) {
            return new Outcome.Refused("Only admins can cancel re-triage");
        }
        var job = jobs.find(jobId);
        if (job.isEmpty() || job.get().state() != RetriageJob.State.RUNNING) {
            return new Outcome.Refused("That job is not running");
        }
        var progress = progress(job.get());
        finish(
                job.get(),
                RetriageJob.State.CANCELLED,
                user.getUsername(),
                "Cancelled by " + user.getUsername(),
                progress);
        return new Outcome.Cancelled(jobs.find(jobId).orElseThrow());
    }

    /** The running job, if any. */
    Optional<Progress> running(StaffUser user) {
        requireAdmin(user);
        return jobs.lockedBy().flatMap(jobs::find).map(this::progress);
    }

    /** The latest jobs, newest first. */
    List<Progress> recent(StaffUser user, int limit) {
        requireAdmin(user);
        return jobs.recent(limit).stream().map(this::progress).toList();
    }

    Progress progress(RetriageJob job) {
        long total = job.total() == null ? 0 : job.total();
        if (job.state() != RetriageJob.State.RUNNING) {
            return new Progress(job, total, nullToZero(job.done()), nullToZero(job.failed()), false);
        }
        boolean silent =
                job.heartbeatAt() != null && job.heartbeatAt().plus(SILENT).isBefore(clock.instant());
        return new Progress(job, total, index.countRetagged(job.id()), failedOf(job.id()), silent);
    }

    private long failedOf(String jobId) {
        return deadLetters.of(DEAD_LETTER_SOURCE, DEAD_LETTER_SOURCE + "-" + jobId + "-");
    }

    private void run(RetriageJob job) {
        try (var walk = index.walk(job.query(), settings.pointInTime())) {
            long total = walk.total();
            jobs.update(job.id(), Map.of("total", total, "heartbeatAt", clock.instant()));
            long published = 0;
            for (var page = walk.next(settings.pageSize()); !page.isEmpty(); page = walk.next(settings.pageSize())) {
                if (!stillRunning(job)) {
                    return;
                }
                publish(job, page);
                published += page.size();
                jobs.update(job.id(), Map.of("published", published, "heartbeatAt", clock.instant()));
                while (published - finished(job) > settings.inFlight()) {
                    if (!waitAMoment(job)) {
                        return;
                    }
                }
            }
            while (finished(job) < total) {
                if (!waitAMoment(job)) {
                    return;
                }
            }
            var done = jobs.find(job.id()).orElse(job);
            finish(done, RetriageJob.State.DONE, null, "Done", progress(done));
            log.info("Re-triage job {} done: {} mentions", job.id(), total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failQuietly(job, "Stopped with the desk instance that ran it");
        } catch (RuntimeException e) {
            log.error("Re-triage job {} failed", job.id(), e);
            failQuietly(job, "Failed: " + e.getMessage());
        }
    }

    private void publish(RetriageJob job, List<String> mentionIds) throws InterruptedException {
        var sent = new ArrayList<CompletableFuture<Void>>(mentionIds.size());
        var at = clock.instant();
        for (String id : mentionIds) {
            sent.add(publisher.publish(Topics.RETRIAGE, new RetriageRequested(job.id(), new MentionId(id), at)));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the re-triage requests", e);
        }
    }

    private long finished(RetriageJob job) {
        return index.countRetagged(job.id()) + failedOf(job.id());
    }

    /** Waits a moment for triage to catch up; false when the job was cancelled meanwhile. */
    private boolean waitAMoment(RetriageJob job) throws InterruptedException {
        Thread.sleep(pause.toMillis());
        if (!stillRunning(job)) {
            return false;
        }
        jobs.update(job.id(), Map.of("heartbeatAt", clock.instant()));
        return true;
    }

    private boolean stillRunning(RetriageJob job) {
        return jobs.find(job.id())
                .map(found -> found.state() == RetriageJob.State.RUNNING)
                .orElse(false);
    }

    private void finish(RetriageJob job, RetriageJob.State state, String by, String message, Progress progress) {
        var change = new LinkedHashMap<String, Object>();
        change.put("state", state.wire());
        change.put("finishedAt", clock.instant());
        change.put("finishedBy", by);
        change.put("message", message);
        change.put("done", progress.done());
        change.put("failed", progress.failed());
        jobs.update(job.id(), change);
        jobs.unlock(job.id());
    }

    private void failQuietly(RetriageJob job, String message) {
        try {
            var current = jobs.find(job.id()).orElse(job);
            if (current.state() == RetriageJob.State.RUNNING) {
                finish(current, RetriageJob.State.FAILED, null, message, progress(current));
            }
        } catch (RuntimeException e) {
            log.warn("Could not record the end of re-triage job {}: {}", job.id(), e.toString());
        }
    }

    private static long nullToZero(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean isAdmin(StaffUser user) {
        return user != null && user.has(StaffRole.ADMIN);
    }

    private static void requireAdmin(StaffUser user) {
        if (!isAdmin(user)) {
            throw new AccessDeniedException("Re-triage is for admins");
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
