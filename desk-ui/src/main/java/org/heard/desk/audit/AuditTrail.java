package org.heard.desk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.events.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the desk records who looked at or did what, before it happens: {@link #record} returns once
 * Kafka has the entry (acks=all) and throws {@link AuditUnavailable} when it could not take it
 * within the timeout, so the access does not go ahead unrecorded. The {@link AuditWriter} moves
 * entries from Kafka to the audit index; nothing waits in this process's memory.
 */
public class AuditTrail {

    /** The most mention ids one entry lists; a longer list is split over several entries. */
    static final int IDS_PER_ENTRY = 200;

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** How recording is going: entries taken by Kafka, accesses refused because it could not take them. */
    public record State(long recorded, long refused, String lastError, Instant lastRefusedAt) {}

    private final EventPublisher publisher;
    private final Clock clock;
    private final String instance;
    private final Duration timeout;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicReference<Instant> lastRefusedAt = new AtomicReference<>();

    /** @param timeout how long an access waits for Kafka to take its entry */
    public AuditTrail(EventPublisher publisher, Clock clock, String instance, Duration timeout) {
        this.publisher = publisher;
        this.clock = clock;
        this.instance = instance;
        this.timeout = timeout;
    }

    /**
     * Records an access to or action on one mention (or a conversation, or a search).
     *
     * @throws AuditUnavailable when the entry could not be recorded: do not go ahead with the access
     */
    public void record(String actor, AuditAction action, String mentionId, String conversationId, String detail) {
        await(List.of(publish(actor, action, mentionId, conversationId, detail)));
    }

    /**
     * Records that a person saw (or took away) these mentions, listing them all over as many entries
     * as it takes. Nothing is recorded for an empty list.
     *
     * @throws AuditUnavailable when the entries could not be recorded: do not show or hand over the mentions
     */
    public void recordMentions(String actor, AuditAction action, List<String> mentionIds) {
        if (mentionIds.isEmpty()) {
            return;
        }
        int parts = (mentionIds.size() + IDS_PER_ENTRY - 1) / IDS_PER_ENTRY;
        List<CompletableFuture<Void>> sent = new ArrayList<>(parts);
        for (int part = 0; part < parts; part++) {
            var ids = mentionIds.subList(part * IDS_PER_ENTRY, Math.min(mentionIds.size(), (part + 1) * IDS_PER_ENTRY));
            String detail =
                    (parts > 1 ? "part " + (part + 1) + " of " + parts + ", " + mentionIds.size() + " in all; " : "")
                            + "mentions=" + String.join(",", ids);
            // Listed in the detail, as a search's are: the entry is about the list, not one mention.
            sent.add(publish(actor, action, null, null, detail));
        }
        await(sent);
    }

    public State state() {
        return new State(recorded.get(), refused.get(), lastError.get(), lastRefusedAt.get());
    }

    /** Handed over on a thread of its own, so the access waits no longer than the timeout. */
    private CompletableFuture<Void> publish(
            String actor, AuditAction action, String mentionId, String conversationId, String detail) {
        var entry = new AccessAudited(
                UUID.randomUUID().toString(),
                actor == null || actor.isBlank() ? "unknown" : actor,
                action.wire(),
                mentionId,
                conversationId,
                detail,
                clock.instant(),
                instance);
        return Handover.publish(publisher, Topics.AUDIT, entry);
    }

    private void await(List<CompletableFuture<Void>> sent) {
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            recorded.addAndGet(sent.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refuse(e);
        } catch (ExecutionException e) {
            throw refuse(e.getCause());
        } catch (TimeoutException e) {
            throw refuse(new TimeoutException("Kafka did not take the audit entry within " + timeout));
        }
    }

    private AuditUnavailable refuse(Throwable cause) {
        refused.incrementAndGet();
        lastRefusedAt.set(clock.instant());
        lastError.set(String.valueOf(cause));
        log.error("An access was refused because its audit entry could not be recorded: {}", String.valueOf(cause));
        return new AuditUnavailable(cause);
    }
}
