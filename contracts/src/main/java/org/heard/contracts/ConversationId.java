package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One conversation with one patient on one channel: an email thread, a tweet thread or DM
 * conversation, a story and its responses. It is the Kafka key of every event about it, so the
 * events of a conversation stay in order on one partition.
 */
public record ConversationId(@JsonValue String value) {

    @JsonCreator
    public ConversationId {
        Ids.requireText(value, "ConversationId");
    }

    /** The conversation that starts at the given root message (first email, first tweet, story). */
    public static ConversationId startedBy(Channel channel, String rootExternalId) {
        return new ConversationId(Ids.derive(channel, "conversation", rootExternalId));
    }

    @Override
    public String toString() {
        return value;
    }
}
