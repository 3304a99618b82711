package org.heard.contracts;

import java.util.List;

/** How soon a person must answer, with the phrases that made it so. */
public record Urgency(Level level, List<String> reasons) {

    public Urgency {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static Urgency normal() {
        return new Urgency(Level.NORMAL, List.of());
    }

    public enum Level implements WireEnum {
        /** Risk to life or safety now. */
        IMMEDIATE,
        /** A serious failure of care: a personal reply the same day. */
        HIGH,
        NORMAL;

        /** Lower ranks first in the inbox. */
        public int rank() {
            return ordinal();
        }

        public static Level fromWire(String value) {
            return WireEnum.parse(Level.class, value);
        }
    }
}
