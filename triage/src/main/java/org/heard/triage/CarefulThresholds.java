package org.heard.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * From which careful-reply probability a mention is {@code high} on that score alone, by its length in
 * tokens. A long text says more, so it scores higher whatever it says: one threshold chosen on short
 * comments flagged a sixth of the long stories (triage/README.md). Each band's threshold is chosen at
 * the same false-alarm rate on the training rows of that length.
 *
 * @param fromTokens the shortest mention of each band, ascending, the first 0
 * @param thresholds each band's threshold
 */
public record CarefulThresholds(List<Integer> fromTokens, List<Double> thresholds) {

    /** The bands' lower edges in tokens (a comment, a paragraph, a story). */
    public static final List<Integer> BANDS = List.of(0, 15, 30, 60);

    public CarefulThresholds {
        fromTokens = List.copyOf(fromTokens);
        thresholds = List.copyOf(thresholds);
        if (fromTokens.isEmpty() || fromTokens.size() != thresholds.size() || fromTokens.getFirst() != 0) {
            throw new IllegalArgumentException(
                    "Careful-reply bands need a threshold each, the first from 0 tokens: " + fromTokens);
        }
        for (int i = 1; i < fromTokens.size(); i++) {
            if (fromTokens.get(i) <= fromTokens.get(i - 1)) {
                throw new IllegalArgumentException("Careful-reply bands must ascend: " + fromTokens);
            }
        }
    }

    /** One threshold whatever the length (model sets written before the bands). */
    public static CarefulThresholds single(double threshold) {
        return new CarefulThresholds(List.of(0), List.of(threshold));
    }

    double at(int tokens) {
        int band = 0;
        while (band + 1 < fromTokens.size() && tokens >= fromTokens.get(band + 1)) {
            band++;
        }
        return thresholds.get(band);
    }

    /** As kept in the model record: {@code 0:0.0013,15:0.0154,...}. */
    public String format() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < fromTokens.size(); i++) {
            parts.add(fromTokens.get(i) + ":" + String.format(Locale.ROOT, "%.4f", thresholds.get(i)));
        }
        return String.join(",", parts);
    }

    /** Reads {@link #format()}; {@code null} when the text is absent or malformed. */
    static CarefulThresholds parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            List<Integer> from = new ArrayList<>();
            List<Double> thresholds = new ArrayList<>();
            for (String part : text.split(",")) {
                String[] pair = part.trim().split(":");
                from.add(Integer.parseInt(pair[0].trim()));
                thresholds.add(Double.parseDouble(pair[1].trim()));
            }
            return new CarefulThresholds(from, thresholds);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
