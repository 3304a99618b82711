package org.heard.desk.audit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What someone did with a patient's mention. */
public enum AuditAction {
    /** Opened a conversation on the desk. */
    CONVERSATION_OPENED,
    /** Read one mention through the JSON API. */
    API_MENTION_READ,
    /** Searched mentions through the JSON API; the detail lists the mentions returned. */
    API_SEARCHED,
    /** Read a conversation through the JSON API; the detail lists the mentions shown. */
    API_CONVERSATION_READ,
    NOTE,
    STATUS_CHANGED,
    ASSIGNED,
    REPLY_REQUESTED,
    TAG_CORRECTED,
    /** Revealed who wrote a conversation to the shielded staff of its services; the detail is the reason given. */
    IDENTITY_REVEALED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static AuditAction fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
