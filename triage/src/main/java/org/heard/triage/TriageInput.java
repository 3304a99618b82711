package org.heard.triage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.heard.contracts.Channel;

/**
 * One mention to tag.
 *
 * @param channel where it came from; null when unknown (offline files)
 * @param serviceHints catalogue ids or NACS/ODS codes the channel suggests (a ward mailbox, a story's codes)
 * @param attributes channel details; {@code criticality} (story site, -5 .. 5) is used as a signal
 */
public record TriageInput(
        String id, String text, Channel channel, List<String> serviceHints, Map<String, String> attributes) {

    public static final String CRITICALITY = "criticality";

    public TriageInput {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
        serviceHints = serviceHints == null ? List.of() : List.copyOf(serviceHints);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static TriageInput of(String id, String text, Channel channel) {
        return new TriageInput(id, text, channel, List.of(), Map.of());
    }

    /** The story site's criticality, when present and readable. */
    Integer criticality() {
        String value = attributes.get(CRITICALITY);
        if (value == null || value.isBlank()) {
            return null;
        }
        Integer worded = CRITICALITY_WORDS.get(value.trim().toLowerCase(java.util.Locale.ROOT));
        if (worded != null) {
            return worded;
        }
        try {
            int parsed = (int) Math.round(Double.parseDouble(value.trim()));
            return parsed < -5 || parsed > 5 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Care Opinion's API rates criticality in words; the numbers follow its -5 .. 5 research scale. */
    private static final Map<String, Integer> CRITICALITY_WORDS = Map.of(
            "not critical", 0,
            "minimally critical", -1,
            "mildly critical", -2,
            "moderately critical", -3,
            "strongly critical", -4,
            "severely critical", -5);
}
