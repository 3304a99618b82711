package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/**
 * A staff reply's id, chosen once when the reply is requested. Senders use it as the idempotency
 * key: a reply whose id was already sent is never sent again.
 */
public record ReplyId(@JsonValue String value) {

    @JsonCreator
    public ReplyId {
        Ids.requireText(value, "ReplyId");
    }

    public static ReplyId random() {
        return new ReplyId("reply-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
