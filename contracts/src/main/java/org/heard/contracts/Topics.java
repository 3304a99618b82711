package org.heard.contracts;

import java.util.List;

/**
 * The registry of Heard's topics. Conversation events are keyed by conversation, so one patient's
 * messages, their triage and the replies to them are read in order. Names carry the wire version.
 */
public final class Topics {

    /** New mentions from every channel (and the manual form). */
    public static final Topic<MentionReceived> MENTIONS = new Topic<>(
            "heard.mentions.v1",
            MentionReceived.class,
            event -> event.conversationId().value());

    /** Tags for mentions, after triage has indexed them. */
    public static final Topic<MentionTriaged> TRIAGED = new Topic<>(
            "heard.triaged.v1",
            MentionTriaged.class,
            event -> event.conversationId().value());

    /** Replies staff asked to send; each channel's sender consumes its own. */
    public static final Topic<ReplyRequested> REPLIES = new Topic<>(
            "heard.replies.v1",
            ReplyRequested.class,
            event -> event.conversationId().value());

    /** What became of each reply. */
    public static final Topic<ReplyOutcome> REPLY_OUTCOMES = new Topic<>(
            "heard.reply-outcomes.v1",
            ReplyOutcome.class,
            event -> event.conversationId().value());

    /** Input that could not be processed, with the reason and the raw payload. */
    public static final Topic<DeadLettered> DEAD_LETTERS =
            new Topic<>("heard.dead-letters.v1", DeadLettered.class, DeadLettered::source);

    /**
     * Mentions to tag again, from an admin's re-triage job. A topic of its own, read by its own
     * consumer group, so a large job never queues in front of new mentions.
     */
    public static final Topic<RetriageRequested> RETRIAGE = new Topic<>(
            "heard.retriage.v1",
            RetriageRequested.class,
            request -> request.mentionId().value());

    /**
     * Dead-lettered input an admin asked to be read again, keyed by its source; the channel that owns
     * the source reads it (an email is read again by the email channel's reader), wherever it runs.
     */
    public static final Topic<RereadRequested> REREAD_REQUESTS =
            new Topic<>("heard.reread-requests.v1", RereadRequested.class, RereadRequested::source);

    /**
     * Each channel account's latest state from the ingest instances, keyed by channel:account; the
     * desk reads it whole from the start, which compaction keeps short.
     */
    public static final Topic<ChannelStatusReported> CHANNEL_STATUS =
            new Topic<>("heard.channel-status.v1", ChannelStatusReported.class, ChannelStatusReported::key);

    /**
     * Who looked at or did what with patients' mentions, from every desk instance, before it
     * happens; the desk's audit index is filled from here. Keyed by the person, so one person's trail
     * stays in order.
     */
    public static final Topic<AccessAudited> AUDIT =
            new Topic<>("heard.audit.v1", AccessAudited.class, AccessAudited::actor);

    private Topics() {}

    public static List<Topic<?>> all() {
        return List.of(
                MENTIONS,
                TRIAGED,
                REPLIES,
                REPLY_OUTCOMES,
                DEAD_LETTERS,
                RETRIAGE,
                REREAD_REQUESTS,
                CHANNEL_STATUS,
                AUDIT);
    }

    /** Topics where only the latest record per key matters: created with log compaction, not kept whole. */
    public static List<Topic<?>> compacted() {
        return List.of(CHANNEL_STATUS);
    }
}
