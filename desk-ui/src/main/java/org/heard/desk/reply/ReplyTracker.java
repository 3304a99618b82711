package org.heard.desk.reply;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.ReplyFailed;
import org.heard.contracts.ReplyOutcome;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Topics;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.shell.LiveListeners;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Records what became of each reply in the conversation's history and tells open conversations.
 * Every desk instance reads the outcomes (a group of its own, so each can push to its own
 * browsers); the history entry's id is derived from the outcome, so recording it on every instance
 * leaves one entry.
 */
public class ReplyTracker {

    private static final Logger log = LoggerFactory.getLogger(ReplyTracker.class);

    private final ActivityLog activity;
    private final StaffWrites index;
    private final EventPublisher publisher;
    private final Clock clock;
    private final LiveListeners<ReplyOutcome> listeners = new LiveListeners<>("conversation");

    public ReplyTracker(ActivityLog activity, StaffWrites index, EventPublisher publisher, Clock clock) {
        this.activity = activity;
        this.publisher = publisher;
        this.index = index;
        this.clock = clock;
    }

    /** Registers a listener; run the returned handle to unregister (when the view detaches). */
    public Runnable subscribe(Consumer<ReplyOutcome> listener) {
        return listeners.add(listener);
    }

    /**
     * The history: one consumer group for all desk instances, from the earliest unread outcome, so an
     * outcome published while every desk was down (a reconciled story response, a late failure) is
     * still recorded when one comes back.
     */
    @KafkaListener(
            id = "heard-desk-reply-history",
            groupId = "heard-desk-reply-history",
            topics = "#{T(org.heard.contracts.Topics).REPLY_OUTCOMES.name()}",
            properties = "auto.offset.reset=earliest")
    void onOutcomeForHistory(ConsumerRecord<String, byte[]> record) {
        try {
            recorded(DeskJson.read(record.value(), ReplyOutcome.class));
        } catch (DeskJson.UnreadableRecord e) {
            deadLetter(record, e.getMessage());
        }
    }

    /** Live updates: each instance records the outcome (idempotently) and tells its own open conversations. */
    @KafkaListener(
            id = "heard-desk-reply-outcomes",
            groupId = "heard-desk-outcomes-${random.uuid}",
            topics = "#{T(org.heard.contracts.Topics).REPLY_OUTCOMES.name()}",
            properties = "auto.offset.reset=latest")
    void onOutcome(ConsumerRecord<String, byte[]> record) {
        ReplyOutcome outcome;
        try {
            outcome = DeskJson.read(record.value(), ReplyOutcome.class);
        } catch (DeskJson.UnreadableRecord e) {
            return; // dead-lettered once, by the history listener
        }
        recorded(outcome); // before telling the page; the entry's id is derived, so both listeners write one entry
        listeners.tell(outcome);
    }

    /**
     * An outcome nobody can read is kept for an admin, never dropped. Every instance sees it; the
     * id is derived from its place on the topic, so the copies are recognisably one.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn(
                "An unreadable reply outcome at {}-{}@{} is dead-lettered: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason);
        var letter = DeadLettered.ofBytes(
                "desk-outcome-" + record.partition() + "-" + record.offset(),
                "desk:" + record.topic(),
                "Unreadable reply outcome: " + reason,
                record.value(),
                Map.of(
                        "topic",
                        record.topic(),
                        "partition",
                        Integer.toString(record.partition()),
                        "offset",
                        Long.toString(record.offset())),
                clock.instant());
        publisher.publish(Topics.DEAD_LETTERS, letter).exceptionally(failure -> {
            log.error("Could not dead-letter the unreadable reply outcome at offset {}", record.offset(), failure);
            return null;
        });
    }

    /** The kinds of warning a reply was sent despite, as {@link ReplyDesk} records them with the request. */
    static Set<String> warningsOf(Activity request) {
        String warnings = request.detail("warnings");
        if (warnings == null || warnings.isBlank()) {
            return Set.of();
        }
        return java.util.Arrays.stream(warnings.split(","))
                .map(String::strip)
                .filter(kind -> !kind.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    void recorded(ReplyOutcome outcome) {
        switch (outcome) {
            case ReplySent sent -> {
                activity.record(new Activity(
                        "sent-" + sent.replyId().value(),
                        sent.conversationId().value(),
                        sent.mentionId().value(),
                        Activity.Kind.REPLY_SENT,
                        "channel",
                        "Sent on " + sent.channel().wire(),
                        Map.of(
                                "replyId",
                                sent.replyId().value(),
                                "externalId",
                                sent.externalId() == null ? "" : sent.externalId()),
                        sent.sentAt()));
                index.updateStatus(sent.mentionId().value(), MentionStatus.REPLIED, null, clock.instant());
                // The warnings were recorded with the request, before the channel could have sent it.
                var warnings = activity.find(sent.replyId().value())
                        .map(ReplyTracker::warningsOf)
                        .orElse(Set.of());
                index.recordReply(sent.mentionId().value(), sent.replyId().value(), sent.sentAt(), warnings);
            }
            case ReplyFailed failed ->
                activity.record(new Activity(
                        "failed-" + failed.replyId().value() + "-"
                                + failed.failedAt().toEpochMilli(),
                        failed.conversationId().value(),
                        failed.mentionId().value(),
                        Activity.Kind.REPLY_FAILED,
                        "channel",
                        failed.reason(),
                        Map.of("replyId", failed.replyId().value(), "retryable", Boolean.toString(failed.retryable())),
                        failed.failedAt()));
        }
    }
}
