package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The features the domain sentiment classifier sees: lemmas and lemma bigrams (marked when inside a
 * negation's scope, so "not helpful" and "helpful" differ), and the sentiment RNTN's distribution
 * over the text's sentences. Training and tagging share this one definition.
 */
final class SentimentFeatures {

    private static final Set<String> NEGATORS = Set.of(
            "not", "n't", "no", "never", "nothing", "nobody", "none", "nor", "cannot", "without", "neither", "hardly",
            "nowhere", "noone");
    private static final Set<String> SCOPE_ENDS = Set.of(".", ",", ";", ":", "!", "?", "but", "however", "although");

    static final double RNTN_SCALE = 4.0;

    private SentimentFeatures() {}

    /** Feature values, and the text each lexical feature came from (for evidence). */
    record Extracted(Counter<String> values, Map<String, String> surface) {}

    static Extracted of(Analysis analysis) {
        Counter<String> values = new ClassicCounter<>();
        Map<String, String> surface = new HashMap<>();
        double[] mean = new double[5];
        double min = 1;
        double max = -1;
        int weightSum = 0;
        int tokens = 0;
        double negativeWords = 0;
        double positiveWords = 0;
        for (Analysis.Sentence sentence : analysis.sentences()) {
            List<CoreLabel> words = sentence.tokens();
            boolean negated = false;
            String previous = "<s>";
            int previousIndex = -1;
            for (int i = 0; i < words.size(); i++) {
                CoreLabel token = words.get(i);
                String lemma = normal(token);
                tokens++;
                if (SCOPE_ENDS.contains(lemma)) {
                    negated = false;
                    if (!"!".equals(lemma) && !"?".equals(lemma)) {
                        previous = "<p>";
                        previousIndex = -1;
                        continue;
                    }
                }
                String feature = (negated ? "not:" : "w:") + lemma;
                values.setCount(feature, 1.0);
                surface.putIfAbsent(feature, sentence.text(i, i + 1, analysis.text()));
                String bigram = "b:" + previous + "_" + lemma;
                values.setCount(bigram, 1.0);
                if (previousIndex >= 0) {
                    surface.putIfAbsent(bigram, sentence.text(previousIndex, i + 1, analysis.text()));
                }
                if (NEGATORS.contains(lemma)) {
                    negated = true;
                }
                previous = lemma;
                previousIndex = i;
            }
            int weight = Math.max(1, words.size());
            for (int k = 0; k < 5; k++) {
                mean[k] += sentence.rntn()[k] * weight;
            }
            weightSum += weight;
            negativeWords += sentence.negativeWords();
            positiveWords += sentence.positiveWords();
            min = Math.min(min, sentence.rntnScore());
            max = Math.max(max, sentence.rntnScore());
        }
        if (weightSum > 0) {
            // Scaled up so the Gaussian prior holds these few general features back less than the
            // thousands of lexical ones: they are what carries over to text unlike the training data.
            for (int k = 0; k < 5; k++) {
                values.setCount("rntn:p" + k, RNTN_SCALE * mean[k] / weightSum);
            }
            values.setCount("rntn:min", RNTN_SCALE * min);
            values.setCount("rntn:max", RNTN_SCALE * max);
            values.setCount("rntn:negwords", RNTN_SCALE * Math.log1p(negativeWords));
            values.setCount("rntn:poswords", RNTN_SCALE * Math.log1p(positiveWords));
            values.setCount(
                    "rntn:balance", RNTN_SCALE * (positiveWords - negativeWords) / (1 + positiveWords + negativeWords));
        }
        values.setCount(tokens <= 3 ? "len:short" : tokens <= 25 ? "len:medium" : "len:long", 1.0);
        return new Extracted(values, surface);
    }

    private static String normal(CoreLabel token) {
        return Features.normal(token);
    }
}
