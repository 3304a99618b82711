package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** How the person feels, with a score in [-1, 1] and the phrases that led to it. */
public record Sentiment(Label label, double score, List<String> evidence) {

    public Sentiment {
        if (score < -1 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("Sentiment score must be in [-1, 1]: " + score);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public enum Label {
        NEGATIVE,
        NEUTRAL,
        POSITIVE;

        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Label fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
