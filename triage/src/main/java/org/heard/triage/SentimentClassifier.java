package org.heard.triage;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.heard.contracts.Sentiment;

/**
 * The previously shipped sentiment classifier (model nhs-sentiment-1): a CoreNLP linear classifier
 * over lemma features and the sentiment RNTN's output, trained on 1,401 NHS comments. Triage no longer
 * uses it ({@link SentimentReader} does the work); the evaluate command scores it beside the new heads.
 */
final class SentimentClassifier {

    private static final int EVIDENCE = 3;

    private final LinearClassifier<String, String> classifier;
    /** The classifier's own feature list is a list: looked up per word, it would cost milliseconds. */
    private final Set<String> known;

    SentimentClassifier(LinearClassifier<String, String> classifier) {
        this.classifier = classifier;
        this.known = Set.copyOf(classifier.features());
    }

    /** A model file the previous train command wrote (kept to compare against, never loaded by triage). */
    @SuppressWarnings("unchecked")
    static SentimentClassifier from(java.nio.file.Path file) throws IOException {
        try (InputStream raw = java.nio.file.Files.newInputStream(file);
                ObjectInputStream in = new ObjectInputStream(new GZIPInputStream(raw))) {
            return new SentimentClassifier((LinearClassifier<String, String>) in.readObject());
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    LinearClassifier<String, String> classifier() {
        return classifier;
    }

    Sentiment classify(Analysis analysis) {
        if (analysis.tokenCount() == 0) {
            return new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of());
        }
        SentimentFeatures.Extracted features = SentimentFeatures.of(analysis);
        Counter<String> probabilities = classifier.probabilityOf(new RVFDatum<>(features.values()));
        Sentiment.Label label = Sentiment.Label.NEUTRAL;
        double best = -1;
        for (Sentiment.Label candidate : Sentiment.Label.values()) {
            double p = probabilities.getCount(candidate.wire());
            if (p > best) {
                best = p;
                label = candidate;
            }
        }
        double score = probabilities.getCount(Sentiment.Label.POSITIVE.wire())
                - probabilities.getCount(Sentiment.Label.NEGATIVE.wire());
        score = Math.max(-1, Math.min(1, score));
        return new Sentiment(label, Math.round(score * 1000) / 1000.0, evidence(features, label));
    }

    /** The words and phrases that pushed hardest towards the chosen label. */
    private List<String> evidence(SentimentFeatures.Extracted features, Sentiment.Label label) {
        record Push(String phrase, double weight) {}
        List<Push> pushes = new ArrayList<>();
        for (Map.Entry<String, String> entry : features.surface().entrySet()) {
            String feature = entry.getKey();
            if (!known.contains(feature)) {
                continue;
            }
            double towards = classifier.weight(feature, label.wire());
            double against = 0;
            for (Sentiment.Label other : Sentiment.Label.values()) {
                if (other != label) {
                    against = Math.max(against, classifier.weight(feature, other.wire()));
                }
            }
            double push = towards - against;
            if (push > 0.05 && entry.getValue().chars().anyMatch(Character::isLetter)) {
                pushes.add(new Push(entry.getValue(), push));
            }
        }
        pushes.sort(Comparator.comparingDouble(Push::weight).reversed());
        List<String> phrases = new ArrayList<>();
        for (Push push : pushes) {
            boolean covered = phrases.stream()
                    .anyMatch(p -> p.contains(push.phrase()) || push.phrase().contains(p));
            if (!covered) {
                phrases.add(push.phrase());
            }
            if (phrases.size() == EVIDENCE) {
                break;
            }
        }
        return phrases;
    }
}
