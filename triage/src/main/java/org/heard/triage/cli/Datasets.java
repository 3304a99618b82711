package org.heard.triage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Sentiment;

/** The labelled files in the shared data folder, read into rows the commands use. */
final class Datasets {

    static final String NHS = "nhs_patient_feedback_v6_dev.csv";
    static final String AIRLINE = "twitter_airline_sentiment_dev.csv";
    static final String CARE_OPINION = "care_opinion_phase1_dev.csv";
    static final String NHS_TRAIN = "nhs_patient_feedback_v6_train.csv";
    static final String PHASE1_TRAIN = "phase1_feedback_criticality_train.csv";

    private Datasets() {}

    /** An NHS Friends-and-Family comment; service is {@code Service type 1} as given, or blank. */
    record NhsComment(String id, String text, Sentiment.Label sentiment, String service) {}

    record Tweet(String id, String text, Sentiment.Label sentiment) {}

    record Story(String id, String text, int criticality) {}

    /**
     * A row of the NHS training file: sentiment may be null (unlabelled), service is {@code Service type 1}
     * normalised (blank when unknown); trust and respondent allow source-disjoint and grouped splits.
     */
    record NhsRow(String id, String text, Sentiment.Label sentiment, String service, String trust, String respondent) {}

    /** A row of the phase-1 criticality file (-4 .. 4), with its trust. */
    record CriticalityRow(String id, String text, int criticality, String trust) {}

    /** The data folder: {@code --data DIR}, else {@code ../shared/data} from the repository root or the module. */
    static Path dataFolder(String given) {
        if (given != null) {
            return Path.of(given);
        }
        for (String candidate : List.of("../shared/data", "../../shared/data", "shared/data")) {
            Path path = Path.of(candidate);
            if (Files.isDirectory(path)) {
                return path;
            }
        }
        return Path.of("../shared/data");
    }

    /** Comments with a text and a sentiment label (1-2 positive, 3 mixed = neutral, 4-5 negative). */
    static List<NhsComment> nhsComments(Path folder) throws IOException {
        List<NhsComment> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(NHS))) {
            String text = row.getOrDefault("FFT answer", "").trim();
            String label = row.getOrDefault("Comment sentiment", "").trim();
            if (text.isEmpty() || text.equalsIgnoreCase("Did not answer") || label.isEmpty()) {
                continue;
            }
            Sentiment.Label sentiment;
            try {
                int value = (int) Double.parseDouble(label);
                sentiment = value <= 2
                        ? Sentiment.Label.POSITIVE
                        : value == 3 ? Sentiment.Label.NEUTRAL : Sentiment.Label.NEGATIVE;
            } catch (NumberFormatException e) {
                continue;
            }
            String service = row.getOrDefault("Service type 1", "")
                    .replace('\u00a0', ' ')
                    .replaceAll("\\s+", " ")
                    .trim();
            rows.add(new NhsComment(row.getOrDefault("Comment ID", "nhs-" + rows.size()), text, sentiment, service));
        }
        return rows;
    }

    static List<NhsRow> nhsTrain(Path folder) throws IOException {
        List<NhsRow> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(NHS_TRAIN))) {
            String text = row.getOrDefault("FFT answer", "").trim();
            if (text.isEmpty() || text.equalsIgnoreCase("Did not answer")) {
                continue;
            }
            rows.add(new NhsRow(
                    row.getOrDefault("Comment ID", "nhs-" + rows.size()),
                    text,
                    nhsSentiment(row.getOrDefault("Comment sentiment", "")),
                    service(row),
                    row.getOrDefault("Trust", "").trim(),
                    row.getOrDefault("Respondent ID", "").trim()));
        }
        return rows;
    }

    private static Sentiment.Label nhsSentiment(String label) {
        try {
            int value = (int) Double.parseDouble(label.trim());
            return value <= 2
                    ? Sentiment.Label.POSITIVE
                    : value == 3 ? Sentiment.Label.NEUTRAL : Sentiment.Label.NEGATIVE;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String service(Map<String, String> row) {
        return row.getOrDefault("Service type 1", "")
                .replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .trim();
    }

    static List<CriticalityRow> criticality(Path folder) throws IOException {
        List<CriticalityRow> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(PHASE1_TRAIN))) {
            String text = row.getOrDefault("feedback", "").trim();
            String value = row.getOrDefault("criticality", "").trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                int criticality = Integer.parseInt(value);
                if (criticality < -5 || criticality > 5) {
                    continue;
                }
                rows.add(new CriticalityRow(
                        row.getOrDefault("row_index", "p1-" + rows.size()),
                        text,
                        criticality,
                        row.getOrDefault("organization", "").trim()));
            } catch (NumberFormatException e) {
                // stray values ("-o", "NA"): no label to learn from
            }
        }
        return rows;
    }

    /** Text as compared for overlap between training and evaluation rows: case and punctuation ignored. */
    static String comparable(String text) {
        return text.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
    }

    static List<Tweet> tweets(Path folder) throws IOException {
        List<Tweet> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(AIRLINE))) {
            String text = row.getOrDefault("text", "").trim();
            String label = row.getOrDefault("airline_sentiment", "").trim();
            if (text.isEmpty() || label.isEmpty()) {
                continue;
            }
            rows.add(new Tweet(
                    row.getOrDefault("tweet_id", "tweet-" + rows.size()), text, Sentiment.Label.fromWire(label)));
        }
        return rows;
    }

    static List<Story> stories(Path folder) throws IOException {
        List<Story> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(CARE_OPINION))) {
            String text = row.getOrDefault("feedback", "").trim();
            String criticality = row.getOrDefault("criticality", "").trim();
            if (text.isEmpty() || criticality.isEmpty() || criticality.equals("NA")) {
                continue;
            }
            try {
                rows.add(new Story(row.getOrDefault("row_index", "story-" + rows.size()), text, (int)
                        Double.parseDouble(criticality)));
            } catch (NumberFormatException e) {
                // an unlabelled story cannot be scored
            }
        }
        return rows;
    }
}
