package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** How soon a person must answer, with the phrases that made it so. */
public record Urgency(Level level, List<String> reasons) {

    public Urgency {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Urgency normal() {
        return new Urgency(Level.NORMAL, List.of());
    }

    public enum Level {
        /** Risk to life or safety now. */
        IMMEDIATE,
        /** A serious failure of care: a personal reply the same day. */
        HIGH,
        NORMAL;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Lower ranks first in the inbox. */
        public int rank() {
            return ordinal();
        }

        @JsonCreator
        public static Level fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
