package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * A named member of staff asked for a reply to be sent on the patient's channel.
 *
 * @param mentionId the mention being answered
 * @param account the channel account to send from (the mailbox or X account that received the mention)
 * @param privately answer privately (DM, email) rather than in public
 */
public record ReplyRequested(
        ReplyId replyId,
        MentionId mentionId,
        ConversationId conversationId,
        Channel channel,
        String account,
        Responder responder,
        String text,
        boolean privately,
        Instant requestedAt)
        implements DeskEvent {

    public ReplyRequested {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(responder, "responder");
        Ids.requireText(text, "Reply text");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return requestedAt;
    }
}
