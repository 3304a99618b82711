package org.heard.ingest.story;

import java.time.Instant;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;

/**
 * A reply staff drafted in the desk for a story, stored until it is seen on the site.
 *
 * @param state where it stands; {@code outcome} is the response id once published, or the reason it failed
 */
record PendingResponse(
        ReplyId replyId,
        MentionId mentionId,
        ConversationId conversationId,
        String opinionId,
        String text,
        String respondUrl,
        Instant requestedAt,
        Instant deadline,
        State state,
        String outcome,
        Instant outcomeAt) {

    enum State {
        AWAITING,
        PUBLISHED,
        FAILED
    }

    static PendingResponse parse(String stored) {
        return DeskJson.mapper().readValue(stored, PendingResponse.class);
    }

    String write() {
        return DeskJson.writeString(this);
    }

    PendingResponse published(String responseId, Instant at) {
        return new PendingResponse(
                replyId,
                mentionId,
                conversationId,
                opinionId,
                text,
                respondUrl,
                requestedAt,
                deadline,
                State.PUBLISHED,
                responseId,
                at);
    }

    PendingResponse failed(String reason, Instant at) {
        return new PendingResponse(
                replyId,
                mentionId,
                conversationId,
                opinionId,
                text,
                respondUrl,
                requestedAt,
                deadline,
                State.FAILED,
                reason,
                at);
    }
}
