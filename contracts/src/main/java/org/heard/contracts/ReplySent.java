package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * The channel accepted the reply. {@code externalId} is what the channel calls it (our Message-ID,
 * the tweet id, the story response id), kept so our own posts are never taken in as mentions.
 */
public record ReplySent(
        ReplyId replyId,
        MentionId mentionId,
        ConversationId conversationId,
        Channel channel,
        String externalId,
        Instant sentAt)
        implements ReplyOutcome {

    public ReplySent {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return sentAt;
    }
}
