package org.heard.triage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;

/**
 * Sentiment of a mention and of each of its sentences, from the learned sentiment head over the
 * embedding and CoreNLP's features ({@link Features}). The evidence is the sentences that read most
 * strongly the way the whole mention was labelled, verbatim, strongest first, so the desk can
 * highlight them. Thread-safe.
 */
final class SentimentReader {

    static final int EVIDENCE = 3;

    private final LinearModel model;
    private final int negative;
    private final int neutral;
    private final int positive;

    SentimentReader(LinearModel model) {
        this.model = model;
        this.negative = model.labels().indexOf(Sentiment.Label.NEGATIVE.wire());
        this.neutral = model.labels().indexOf(Sentiment.Label.NEUTRAL.wire());
        this.positive = model.labels().indexOf(Sentiment.Label.POSITIVE.wire());
        if (negative < 0 || neutral < 0 || positive < 0) {
            throw new IllegalArgumentException(
                    "A sentiment model must have the labels negative, neutral, positive: " + model.labels());
        }
    }

    record Reading(Sentiment sentiment, List<ScoredSentence> sentences, double[] probabilities) {}

    Reading read(Analysis analysis) {
        if (analysis.tokenCount() == 0) {
            return new Reading(new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()), List.of(), new double[] {0, 1, 0});
        }
        double[] whole = model.probabilities(Features.of(analysis));
        Sentiment.Label label = labelOf(whole);
        record Scored(Analysis.Sentence sentence, double[] p, ScoredSentence scored) {}
        List<Scored> sentences = new ArrayList<>();
        for (Analysis.Sentence sentence : analysis.sentences()) {
            double[] p = analysis.sentences().size() == 1
                    ? whole
                    : model.probabilities(Features.of(List.of(sentence), analysis.text()));
            sentences.add(new Scored(
                    sentence, p, new ScoredSentence(sentence.start(), sentence.end(), labelOf(p), score(p))));
        }
        int index = index(label);
        List<String> evidence = sentences.stream()
                .filter(s -> s.scored().label() == label)
                .sorted(Comparator.comparingDouble((Scored s) -> s.p()[index]).reversed())
                .limit(EVIDENCE)
                .map(s -> s.sentence().text(analysis.text()))
                .toList();
        if (evidence.isEmpty() && label != Sentiment.Label.NEUTRAL) {
            // No one sentence reads that way on its own: the one that leans furthest towards it.
            evidence = sentences.stream()
                    .max(Comparator.comparingDouble((Scored s) -> s.p()[index]))
                    .map(s -> List.of(s.sentence().text(analysis.text())))
                    .orElse(List.of());
        }
        return new Reading(
                new Sentiment(label, score(whole), evidence),
                sentences.stream().map(Scored::scored).toList(),
                whole);
    }

    private int index(Sentiment.Label label) {
        return switch (label) {
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
            case POSITIVE -> positive;
        };
    }

    private Sentiment.Label labelOf(double[] p) {
        if (p[negative] >= p[neutral] && p[negative] >= p[positive]) {
            return Sentiment.Label.NEGATIVE;
        }
        return p[positive] > p[neutral] ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
    }

    private double score(double[] p) {
        double score = Math.max(-1, Math.min(1, p[positive] - p[negative]));
        return Math.round(score * 1000) / 1000.0;
    }
}
