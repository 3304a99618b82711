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

    private Datasets() {}

    /** An NHS Friends-and-Family comment; service is {@code Service type 1} as given, or blank. */
    record NhsComment(String id, String text, Sentiment.Label sentiment, String service) {}

    record Tweet(String id, String text, Sentiment.Label sentiment) {}

    record Story(String id, String text, int criticality) {}

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
                sentiment = value <= 2 ? Sentiment.Label.POSITIVE : value == 3 ? Sentiment.Label.NEUTRAL : Sentiment.Label.NEGATIVE;
            } catch (NumberFormatException e) {
                continue;
            }
            String service = row.getOrDefault("Service type 1", "").replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
            rows.add(new NhsComment(row.getOrDefault("Comment ID", "nhs-" + rows.size()), text, sentiment, service));
        }
        return rows;
    }

    static List<Tweet> tweets(Path folder) throws IOException {
        List<Tweet> rows = new ArrayList<>();
        for (Map<String, String> row : Csv.read(folder.resolve(AIRLINE))) {
            String text = row.getOrDefault("text", "").trim();
            String label = row.getOrDefault("airline_sentiment", "").trim();
            if (text.isEmpty() || label.isEmpty()) {
                continue;
            }
            rows.add(new Tweet(row.getOrDefault("tweet_id", "tweet-" + rows.size()), text, Sentiment.Label.fromWire(label)));
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
                rows.add(new Story(row.getOrDefault("row_index", "story-" + rows.size()), text,
                        (int) Double.parseDouble(criticality)));
            } catch (NumberFormatException e) {
                // an unlabelled story cannot be scored
            }
        }
        return rows;
    }
}
