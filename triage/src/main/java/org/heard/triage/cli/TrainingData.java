package org.heard.triage.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The labelled texts the heads learn from, one shape for every source: the NHS Friends-and-Family
 * comments (sentiment, service type), the phase-1 criticality comments (careful reply = strongly
 * critical) and a trust's own corrections from the desk. Rows whose text is also in an
 * evaluation file (tweets, Care Opinion stories) are left out, so nothing is scored on what it learned.
 */
final class TrainingData {

    /** How the NHS file's {@code Service type 1} values map to catalogue ids. */
    static final Map<String, String> NHS_SERVICES = Map.of(
            "111", "nhs-111",
            "PTS - Patient Transport", "patient-transport",
            "See and Convey", "ambulance",
            "Local partnerships- MH", "mental-health",
            "Forensic", "secure-mental-health",
            "Community health services", "community-health");

    /** Criticality at or below this is "needs a careful reply first" (strongly critical). */
    static final int CAREFUL_AT = -4;
    /** How much one staff correction counts against one row of the shipped data. */
    static final double CORRECTION_WEIGHT = 3;

    static final String NHS_SOURCE = "nhs";
    static final String PHASE1_SOURCE = "phase1";
    static final String MESSAGES_SOURCE = "messages";
    /**
     * The short public messages written for Heard, shipped with triage so a retrain anywhere learns
     * from them too ({@code org/heard/triage/messages/README.md}): sentiment only.
     */
    static final List<String> MESSAGES =
            List.of("/org/heard/triage/messages/heard-messages.csv", "/org/heard/triage/messages/heard-messages-2.csv");

    static final String CORRECTION_SOURCE = "correction";

    private TrainingData() {}

    /**
     * One labelled text. Any label may be null (not known for this row).
     *
     * @param source {@code nhs}, {@code phase1} or {@code correction}
     * @param trust the trust it came from (NEAS, NHFT, Trust A...), for source-disjoint splits
     * @param group rows that must stay on the same side of a split (one respondent's answers)
     */
    record Row(
            String text,
            String source,
            String trust,
            String group,
            Sentiment.Label sentiment,
            List<String> services,
            Boolean careful,
            double weight) {}

    /** Comparable texts of the evaluation files present in {@code data}: kept out of training. */
    static Set<String> evaluationTexts(Path data) throws IOException {
        Set<String> texts = new HashSet<>();
        if (Files.isReadable(data.resolve(Datasets.AIRLINE))) {
            Datasets.tweets(data).forEach(t -> texts.add(Datasets.comparable(t.text())));
        }
        if (Files.isReadable(data.resolve(Datasets.CARE_OPINION))) {
            Datasets.stories(data).forEach(s -> texts.add(Datasets.comparable(s.text())));
        }
        return texts;
    }

    /** The shipped training data: NHS comments and phase-1 criticality comments. */
    static List<Row> shipped(Path data, Set<String> excluded) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Datasets.NhsRow row : Datasets.nhsTrain(data)) {
            if (excluded.contains(Datasets.comparable(row.text()))) {
                continue;
            }
            String service = NHS_SERVICES.get(row.service());
            if (row.sentiment() == null && service == null) {
                continue;
            }
            rows.add(new Row(
                    row.text(),
                    NHS_SOURCE,
                    row.trust(),
                    NHS_SOURCE + ":" + row.trust() + ":" + row.respondent(),
                    row.sentiment(),
                    service == null ? List.of() : List.of(service),
                    null,
                    1));
        }
        for (Datasets.CriticalityRow row : Datasets.criticality(data)) {
            if (excluded.contains(Datasets.comparable(row.text()))) {
                continue;
            }
            int c = row.criticality();
            // Criticality measures criticism, not feeling: one trust rates all its praise 0, and mildly
            // critical comments are mostly praise with a suggestion. Trained as sentiment, these rows
            // lowered every source-disjoint figure (triage/README.md), so they teach the careful-reply
            // head only.
            rows.add(new Row(
                    row.text(),
                    PHASE1_SOURCE,
                    row.trust(),
                    PHASE1_SOURCE + ":" + row.id(),
                    null,
                    List.of(),
                    c <= CAREFUL_AT,
                    1));
        }
        rows.addAll(messages(excluded));
        return rows;
    }

    /**
     * The short public messages written for Heard ({@code text,sentiment,kind}): questions and
     * requests (neutral), polite and sarcastic complaints, thanks, as people send them to a provider's
     * public accounts. They teach sentiment only; each message is its own group. Rows whose text is
     * also in an evaluation file are left out, as for the shipped data.
     */
    static List<Row> messages(Set<String> excluded) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String resource : MESSAGES) {
            try (java.io.InputStream in = TrainingData.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("Training messages " + resource + " are missing from the classpath");
                }
                rows.addAll(messages(
                        Csv.rows(new String(in.readAllBytes(), StandardCharsets.UTF_8)), excluded, rows.size()));
            }
        }
        return rows;
    }

    private static List<Row> messages(List<Map<String, String>> csv, Set<String> excluded, int first) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> row : csv) {
            String text = row.getOrDefault("text", "");
            if (text.isBlank() || excluded.contains(Datasets.comparable(text))) {
                continue;
            }
            rows.add(new Row(
                    text,
                    MESSAGES_SOURCE,
                    MESSAGES_SOURCE,
                    MESSAGES_SOURCE + ":" + (first + rows.size()),
                    Sentiment.Label.fromWire(row.get("sentiment").trim()),
                    List.of(),
                    null,
                    1));
        }
        return rows;
    }

    /**
     * Staff corrections, JSON Lines: {@code {"text", "channel"?, "sentiment"?, "services"?, "urgency"?}}.
     * Lines that cannot be read are reported on {@code problems} and skipped.
     */
    static List<Row> corrections(Path file, List<String> problems) throws IOException {
        List<Row> rows = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode json = DeskJson.mapper().readTree(line);
                JsonNode text = json == null ? null : json.get("text");
                if (text == null || !text.isString() || text.asString().isBlank()) {
                    problems.add("line " + number + ": missing \"text\"");
                    continue;
                }
                Sentiment.Label sentiment = json.hasNonNull("sentiment")
                        ? Sentiment.Label.fromWire(json.get("sentiment").asString())
                        : null;
                List<String> services = new ArrayList<>();
                if (json.get("services") != null && json.get("services").isArray()) {
                    json.get("services").forEach(s -> services.add(s.asString().trim()));
                }
                Boolean careful = null;
                if (json.hasNonNull("urgency")) {
                    careful = Urgency.Level.fromWire(json.get("urgency").asString()) != Urgency.Level.NORMAL;
                }
                if (sentiment == null && services.isEmpty() && careful == null) {
                    problems.add("line " + number + ": no label (sentiment, services or urgency)");
                    continue;
                }
                String channel =
                        json.hasNonNull("channel") ? json.get("channel").asString() : "unknown";
                rows.add(new Row(
                        text.asString(),
                        CORRECTION_SOURCE,
                        channel,
                        CORRECTION_SOURCE + ":" + number,
                        sentiment,
                        List.copyOf(services),
                        careful,
                        CORRECTION_WEIGHT));
            } catch (JacksonException | IllegalArgumentException e) {
                problems.add("line " + number + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** A stable pseudo-random fold for a group, so the same rows are held back on every run. */
    static int fold(String group, int folds) {
        return Math.floorMod(group.hashCode() * 31 + 17, folds);
    }

    static Properties counts(String prefix, List<Row> rows, Properties into) {
        into.setProperty(prefix + ".rows", Integer.toString(rows.size()));
        into.setProperty(
                prefix + ".sentiment",
                Long.toString(rows.stream().filter(r -> r.sentiment() != null).count()));
        into.setProperty(
                prefix + ".services",
                Long.toString(rows.stream().filter(r -> !r.services().isEmpty()).count()));
        into.setProperty(
                prefix + ".careful",
                Long.toString(rows.stream()
                        .filter(r -> Boolean.TRUE.equals(r.careful()))
                        .count()));
        return into;
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
