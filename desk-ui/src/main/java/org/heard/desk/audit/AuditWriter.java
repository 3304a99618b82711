package org.heard.desk.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves audit entries from Kafka into the audit index, a batch at a time, in the consumer group
 * {@value #GROUP} that every desk instance shares. It throws when the index does not take a batch,
 * so the container keeps the batch and tries again and the offsets move only after the index has
 * it: an entry on Kafka ends in the index, however often an instance crashes. A record that is not
 * an entry goes to the dead letters, for an admin to see.
 */
class AuditWriter {

    static final String GROUP = "heard-audit";
    private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

    /** How writing goes on this instance. */
    record State(boolean failing, String lastError, long written, Instant lastWrittenAt) {}

    private final AuditLog auditLog;
    private final EventPublisher publisher;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();
    private final AtomicReference<Instant> lastWrittenAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean failing;

    AuditWriter(AuditLog auditLog, EventPublisher publisher, Clock clock) {
        this.auditLog = auditLog;
        this.publisher = publisher;
        this.clock = clock;
    }

    void take(List<ConsumerRecord<String, byte[]>> records) {
        List<AccessAudited> entries = new ArrayList<>(records.size());
        for (var record : records) {
            try {
                entries.add(DeskJson.read(record.value(), AccessAudited.class));
            } catch (DeskJson.UnreadableRecord e) {
                deadLetter(record, e.getMessage());
            }
        }
        try {
            auditLog.append(entries);
        } catch (RuntimeException e) {
            if (!failing) {
                log.error(
                        "Cannot write {} audit entries to the index; they stay on Kafka and are tried again: {}",
                        entries.size(),
                        e.getMessage());
            }
            failing = true;
            lastError.set(clock.instant() + " " + e.getMessage());
            throw e;
        }
        if (failing) {
            log.info("Audit entries are being written to the index again");
        }
        failing = false;
        written.addAndGet(entries.size());
        lastWrittenAt.set(clock.instant());
    }

    State state() {
        return new State(failing, lastError.get(), written.get(), lastWrittenAt.get());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        var letter = new DeadLettered(
                "desk-audit-" + record.partition() + "-" + record.offset(),
                "desk:" + record.topic(),
                "Not an audit entry: " + reason,
                "base64",
                Base64.getEncoder().encodeToString(record.value() == null ? new byte[0] : record.value()),
                Map.of(
                        "topic",
                        record.topic(),
                        "partition",
                        Integer.toString(record.partition()),
                        "offset",
                        Long.toString(record.offset())),
                clock.instant());
        try {
            // Waited for: the batch's offsets move on only once the record is kept somewhere a person sees it.
            publisher.publish(Topics.DEAD_LETTERS, letter).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering an unreadable audit record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Could not dead-letter the unreadable audit record at " + record.topic() + "-" + record.partition()
                            + "@" + record.offset(),
                    e);
        }
    }
}
