package org.heard.desk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes audit entries older than the retention period: shortly after start, then once a day. */
public class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final AuditLog auditLog;
    private final Period retention;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public AuditRetention(AuditLog auditLog, Period retention, Clock clock) {
        this.auditLog = auditLog;
        this.retention = retention;
        this.clock = clock;
    }

    /** The oldest moment still kept. */
    public Instant cutoff() {
        return clock.instant().atZone(ZoneOffset.UTC).minus(retention).toInstant();
    }

    /** Deletes what is past retention; returns how many entries went. */
    public long purge() {
        Instant cutoff = cutoff();
        long deleted = auditLog.purgeBefore(cutoff);
        if (deleted > 0) {
            log.info("Audit retention ({}): deleted {} entries from before {}", retention, deleted, cutoff);
        }
        return deleted;
    }

    synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("heard-audit-retention").factory());
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        purge();
                    } catch (RuntimeException e) {
                        log.warn("Audit retention purge failed; trying again tomorrow: {}", e.getMessage());
                    }
                },
                Duration.ofMinutes(5).toMillis(),
                Duration.ofDays(1).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
