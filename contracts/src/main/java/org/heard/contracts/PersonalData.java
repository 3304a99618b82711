package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A span of personal data in a text ([start, end) in UTF-16 chars), found so a public reply does not repeat it. */
public record PersonalData(Type type, int start, int end) {

    public PersonalData {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        }
    }

    public enum Type {
        NHS_NUMBER,
        PHONE,
        EMAIL,
        POSTCODE,
        DATE_OF_BIRTH,
        PERSON;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        @JsonCreator
        public static Type fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
