package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A mention's id, derived from its channel and the id the channel gave it: fetching the same
 * tweet, email or story twice yields the same id, which the index and the desk treat as one.
 */
public record MentionId(@JsonValue String value) {

    @JsonCreator
    public MentionId {
        Ids.requireText(value, "MentionId");
    }

    public static MentionId of(Channel channel, String externalId) {
        return new MentionId(Ids.derive(channel, "mention", externalId));
    }

    @Override
    public String toString() {
        return value;
    }
}
