package org.heard.desk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the desk records who looked at or did what. {@link #record} queues and returns at once;
 * a writer thread appends to the {@link AuditLog} in bulk and keeps retrying while Elasticsearch is
 * away (see the package description for why the user's action never waits for it).
 */
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final int BATCH = 500;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How the trail is doing: failing while a batch cannot be written; dropped only on overflow. */
    public record State(boolean failing, String lastError, int waiting, long written, long dropped) {}

    private final AuditLog auditLog;
    private final Clock clock;
    private final String instance;
    private final BlockingQueue<AuditEntry> queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final List<AuditEntry> inFlight = new ArrayList<>();
    private volatile boolean failing;
    private volatile boolean running;
    private Thread writer;

    public AuditTrail(AuditLog auditLog, Clock clock, String instance, int buffer) {
        this.auditLog = auditLog;
        this.clock = clock;
        this.instance = instance;
        this.queue = new LinkedBlockingQueue<>(buffer);
    }

    /** Records an access or action by a member of staff; never blocks and never throws. */
    public void record(String actor, AuditAction action, String mentionId, String conversationId, String detail) {
        var entry = new AuditEntry(UUID.randomUUID().toString(), actor == null ? "unknown" : actor, action, mentionId,
                conversationId, detail, clock.instant(), instance);
        if (!queue.offer(entry)) {
            dropped.incrementAndGet();
            log.error("Audit buffer full, entry not stored: {} {} mention={} conversation={} at={}", entry.actor(),
                    action.wire(), mentionId, conversationId, entry.at());
        }
    }

    public State state() {
        return new State(failing, lastError.get(), queue.size() + inFlightSize(), written.get(), dropped.get());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofPlatform().daemon().name("heard-audit-writer").start(this::writeLoop);
    }

    /** Stops the writer after one last attempt to write what is waiting. */
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        while (writeOnce() && !queue.isEmpty()) {
            // drains the queue batch by batch while Elasticsearch takes them
        }
        int left = queue.size() + inFlightSize();
        if (left > 0) {
            log.error("Stopping with {} audit entries not stored", left);
        }
    }

    private void writeLoop() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                if (inFlightSize() == 0) {
                    AuditEntry first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    synchronized (inFlight) {
                        inFlight.add(first);
                        queue.drainTo(inFlight, BATCH - 1);
                    }
                }
                if (writeOnce()) {
                    backoff = Duration.ofMillis(200);
                } else {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    /** Writes the batch in flight (or the next one); true when nothing is left in flight. */
    private boolean writeOnce() {
        synchronized (inFlight) {
            if (inFlight.isEmpty()) {
                queue.drainTo(inFlight, BATCH);
            }
            if (inFlight.isEmpty()) {
                return true;
            }
            try {
                auditLog.append(inFlight);
                written.addAndGet(inFlight.size());
                inFlight.clear();
                if (failing) {
                    log.info("Audit entries are being stored again");
                }
                failing = false;
                return true;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.error("Cannot store {} audit entries; keeping them and retrying: {}", inFlight.size(), e.getMessage());
                }
                failing = true;
                lastError.set(Instant.now(clock) + " " + e.getMessage());
                return false;
            }
        }
    }

    private int inFlightSize() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }
}
