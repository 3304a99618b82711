package org.heard.triage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.heard.contracts.Sentiment;
import org.heard.triage.TriageLab;

/** Trains the three heads on chosen rows of featurised training data; train and evaluate share it. */
final class Trainer {

    /**
     * The feature blocks of each head, chosen by measurement: {@code evaluate --ablation} prints the
     * source-disjoint figures of every combination (triage/README.md has the table).
     */
    record Choice(String sentiment, String service, String careful) {
        static final Choice SHIPPED = new Choice("embedding+corenlp+lemmas", "embedding+lemmas", "embedding+corenlp+lemmas");

        static List<Choice> ablation() {
            List<Choice> choices = new ArrayList<>();
            for (String blocks : List.of("embedding", "embedding+corenlp", "embedding+corenlp+lemmas", "corenlp+lemmas")) {
                choices.add(new Choice(blocks, blocks, blocks));
            }
            return choices;
        }

        @Override
        public String toString() {
            return "sentiment " + sentiment + ", service " + service + ", careful " + careful;
        }
    }

    static final List<String> SENTIMENT_LABELS = List.of(
            Sentiment.Label.NEGATIVE.wire(), Sentiment.Label.NEUTRAL.wire(), Sentiment.Label.POSITIVE.wire());
    static final List<String> CAREFUL_LABELS = List.of("careful", "other");

    record Heads(TriageLab.Head sentiment, TriageLab.Head service, TriageLab.Head careful) {}

    private Trainer() {}

    /** Trains on {@code use} (indices into {@code rows}, which {@code data} featurises in the same order). */
    static Heads train(TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use, Choice choice) {
        return new Heads(sentiment(lab, data, rows, use, choice.sentiment()), service(lab, data, rows, use, choice.service()),
                careful(lab, data, rows, use, choice.careful()));
    }

    static TriageLab.Head sentiment(TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use,
            String blocks) {
        return lab.train(data, examples(rows, use, row -> row.sentiment() == null ? null : row.sentiment().wire()), blocks,
                SENTIMENT_LABELS);
    }

    /** The rows in {@code use} that have a label, with that label and their weight. */
    private static List<TriageLab.Labelled> examples(List<TrainingData.Row> rows, List<Integer> use,
            java.util.function.Function<TrainingData.Row, String> label) {
        List<TriageLab.Labelled> examples = new ArrayList<>();
        for (int i : use) {
            String value = label.apply(rows.get(i));
            if (value != null) {
                examples.add(new TriageLab.Labelled(i, value, rows.get(i).weight()));
            }
        }
        return examples;
    }

    static TriageLab.Head service(TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use,
            String blocks) {
        List<TriageLab.Labelled> examples = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        for (int i : use) {
            TrainingData.Row row = rows.get(i);
            for (String service : row.services()) {
                // A comment about two services teaches each, at half weight.
                examples.add(new TriageLab.Labelled(i, service, row.weight() / row.services().size()));
                labels.add(service);
            }
        }
        return lab.train(data, examples, blocks, List.copyOf(labels));
    }

    static TriageLab.Head careful(TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use,
            String blocks) {
        return lab.train(data, examples(rows, use, row -> row.careful() == null ? null : row.careful() ? "careful" : "other"),
                blocks, CAREFUL_LABELS);
    }

    /**
     * The careful-reply probability at which {@code falseAlarms} of the other rows would be flagged,
     * from out-of-fold scores (5 folds by group): the operating point shipped with the model.
     */
    static double carefulThreshold(TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use,
            String blocks, double falseAlarms) {
        List<Double> others = new ArrayList<>();
        int folds = 5;
        for (int fold = 0; fold < folds; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i : use) {
                (TrainingData.fold(rows.get(i).group(), folds) == fold ? test : train).add(i);
            }
            TriageLab.Head head = careful(lab, data, rows, train, blocks);
            for (int i : test) {
                if (Boolean.FALSE.equals(rows.get(i).careful())) {
                    others.add(head.probabilities(data, i)[0]);
                }
            }
        }
        others.sort((a, b) -> Double.compare(b, a));
        if (others.isEmpty()) {
            return 0.5;
        }
        int at = (int) Math.floor(falseAlarms * others.size());
        return others.get(Math.min(at, others.size() - 1));
    }
}
