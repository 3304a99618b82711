package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * The reply was not delivered. {@code retryable} says whether trying again can help (a timeout, a
 * rate limit) or not (a rejected address, a duplicate post); either way staff see it.
 */
public record ReplyFailed(
        ReplyId replyId,
        MentionId mentionId,
        ConversationId conversationId,
        Channel channel,
        String reason,
        boolean retryable,
        Instant failedAt)
        implements ReplyOutcome {

    public ReplyFailed {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Ids.requireText(reason, "reason");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return failedAt;
    }
}
