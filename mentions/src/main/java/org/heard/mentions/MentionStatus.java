package org.heard.mentions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where staff are with a mention. */
public enum MentionStatus {
    NEW,
    IN_PROGRESS,
    WAITING_FOR_PATIENT,
    REPLIED,
    CLOSED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static MentionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
