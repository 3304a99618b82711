package org.heard.desk.activity;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.heard.contracts.WireEnum;

/**
 * One thing that happened to a conversation.
 *
 * @param actor the username of the member of staff, or {@code channel} for delivery outcomes
 * @param text what a person reads: a note, a reply's text, a failure reason
 * @param details facts by name (replyId, status, the warnings shown, a corrected tag's old and new value)
 */
public record Activity(
        String id,
        String conversationId,
        String mentionId,
        Kind kind,
        String actor,
        String text,
        Map<String, String> details,
        Instant at) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public String detail(String name) {
        return details.get(name);
    }

    public enum Kind implements WireEnum {
        NOTE,
        STATUS_CHANGED,
        ASSIGNED,
        REPLY_REQUESTED,
        REPLY_SENT,
        REPLY_FAILED,
        TAG_CORRECTED,
        /** A reply led to a change planned or made ({@code details.change}), as patient-story sites record it. */
        CHANGE_MARKED;

        public static Kind fromWire(String value) {
            return WireEnum.parse(Kind.class, value);
        }
    }
}
