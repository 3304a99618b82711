package org.heard.contracts;

import java.util.List;

/** How the person feels, with a score in [-1, 1] and the phrases that led to it. */
public record Sentiment(Label label, double score, List<String> evidence) {

    public Sentiment {
        if (score < -1 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("Sentiment score must be in [-1, 1]: " + score);
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public enum Label implements WireEnum {
        NEGATIVE,
        NEUTRAL,
        POSITIVE;

        public static Label fromWire(String value) {
            return WireEnum.parse(Label.class, value);
        }
    }
}
