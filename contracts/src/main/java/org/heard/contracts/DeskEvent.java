package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Something that happened to a conversation. Every event names its conversation, which is also its
 * Kafka key, so the events of one conversation are read in the order they were written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MentionReceived.class, name = "MentionReceived"),
    @JsonSubTypes.Type(value = MentionTriaged.class, name = "MentionTriaged"),
    @JsonSubTypes.Type(value = ReplyRequested.class, name = "ReplyRequested"),
    @JsonSubTypes.Type(value = ReplySent.class, name = "ReplySent"),
    @JsonSubTypes.Type(value = ReplyFailed.class, name = "ReplyFailed")
})
public sealed interface DeskEvent permits MentionReceived, MentionTriaged, ReplyRequested, ReplyOutcome {

    /** Written with every event. Additive changes keep it; a breaking change gets a new event type. */
    int SCHEMA_VERSION = 1;

    ConversationId conversationId();

    MentionId mentionId();

    Instant occurredAt();

    @JsonProperty(value = "schemaVersion", access = JsonProperty.Access.READ_ONLY)
    default int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
