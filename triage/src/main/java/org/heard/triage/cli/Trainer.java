package org.heard.triage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.heard.contracts.Sentiment;
import org.heard.triage.CarefulThresholds;
import org.heard.triage.TriageLab;

/** Trains the three heads on chosen rows of featurised training data; train and evaluate share it. */
final class Trainer {

    /**
     * The feature blocks of each head, chosen by measurement: {@code evaluate --ablation} prints the
     * source-disjoint figures of every combination (triage/README.md has the table).
     */
    record Choice(String sentiment, String service, String careful) {
        static final Choice SHIPPED =
                new Choice("embedding+corenlp+lemmas", "embedding+lemmas", "embedding+corenlp+lemmas");

        static List<Choice> ablation() {
            List<Choice> choices = new ArrayList<>();
            for (String blocks :
                    List.of("embedding", "embedding+corenlp", "embedding+corenlp+lemmas", "corenlp+lemmas")) {
                choices.add(new Choice(blocks, blocks, blocks));
            }
            return choices;
        }

        @Override
        public String toString() {
            return "sentiment " + sentiment + ", service " + service + ", careful " + careful;
        }
    }

    static final List<String> SENTIMENT_LABELS =
            List.of(Sentiment.Label.NEGATIVE.wire(), Sentiment.Label.NEUTRAL.wire(), Sentiment.Label.POSITIVE.wire());
    static final List<String> CAREFUL_LABELS = List.of("careful", "other");

    record Heads(TriageLab.Head sentiment, TriageLab.Head service, TriageLab.Head careful) {}

    private Trainer() {}

    /** Trains on {@code use} (indices into {@code rows}, which {@code data} featurises in the same order). */
    static Heads train(
            TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use, Choice choice) {
        return new Heads(
                sentiment(lab, data, rows, use, choice.sentiment()),
                service(lab, data, rows, use, choice.service()),
                careful(lab, data, rows, use, choice.careful()));
    }

    static TriageLab.Head sentiment(
            TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use, String blocks) {
        return lab.train(
                data,
                examples(
                        rows,
                        use,
                        row -> row.sentiment() == null ? null : row.sentiment().wire()),
                blocks,
                SENTIMENT_LABELS);
    }

    /** The rows in {@code use} that have a label, with that label and their weight. */
    private static List<TriageLab.Labelled> examples(
            List<TrainingData.Row> rows,
            List<Integer> use,
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

    static TriageLab.Head service(
            TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use, String blocks) {
        List<TriageLab.Labelled> examples = new ArrayList<>();
        TreeSet<String> labels = new TreeSet<>();
        for (int i : use) {
            TrainingData.Row row = rows.get(i);
            for (String service : row.services()) {
                // A comment about two services teaches each, at half weight.
                examples.add(new TriageLab.Labelled(
                        i, service, row.weight() / row.services().size()));
                labels.add(service);
            }
        }
        return lab.train(data, examples, blocks, List.copyOf(labels));
    }

    static TriageLab.Head careful(
            TriageLab lab, TriageLab.Featurised data, List<TrainingData.Row> rows, List<Integer> use, String blocks) {
        return lab.train(
                data,
                examples(rows, use, row -> row.careful() == null ? null : row.careful() ? "careful" : "other"),
                blocks,
                CAREFUL_LABELS);
    }

    /**
     * The careful-reply operating points shipped with the model: for each length band
     * ({@link CarefulThresholds#BANDS}), the probability from which the score raises {@code high} so
     * that the rules and the score together flag {@code falseAlarms} of the other rows of that length.
     * The rules' own alarms come off each band's budget first; rows the sentiment head reads as
     * positive are never raised by the score (the gate in {@code UrgencyRules}), so they do not use
     * it. No band goes below the threshold that flags {@code falseAlarms} of all the others the score
     * may raise, whatever their length: a band of one-line comments that are nearly all "very good"
     * would otherwise flag any short text with a trace of criticism. The scores are out of source, as a new trust's would be: each trust's rows
     * scored by a head trained without that trust (without a second trust, 5 folds by group). A band
     * with no other rows takes the band before it.
     *
     * @param rulesRaise whether the urgency rules alone raise each row (by index), or null for none
     */
    static CarefulThresholds carefulThresholds(
            TriageLab lab,
            TriageLab.Featurised data,
            List<TrainingData.Row> rows,
            List<Integer> use,
            String blocks,
            double falseAlarms,
            TriageLab.Head sentiment,
            java.util.function.IntPredicate rulesRaise) {
        List<Integer> labelled =
                use.stream().filter(i -> rows.get(i).careful() != null).toList();
        List<String> trusts = labelled.stream()
                .map(i -> rows.get(i).trust())
                .distinct()
                .sorted()
                .toList();
        java.util.function.IntFunction<String> fold = trusts.size() >= 2
                ? i -> rows.get(i).trust()
                : i -> Integer.toString(TrainingData.fold(rows.get(i).group(), 5));
        List<Integer> bands = CarefulThresholds.BANDS;
        int[] others = new int[bands.size()];
        int[] ruled = new int[bands.size()];
        List<List<Double>> free = new ArrayList<>();
        bands.forEach(b -> free.add(new ArrayList<>()));
        List<Double> allFree = new ArrayList<>();
        String positive = Sentiment.Label.POSITIVE.wire();
        for (String held :
                labelled.stream().map(fold::apply).distinct().sorted().toList()) {
            List<Integer> train =
                    use.stream().filter(i -> !fold.apply(i).equals(held)).toList();
            TriageLab.Head head = careful(lab, data, rows, train, blocks);
            for (int i : labelled) {
                if (!fold.apply(i).equals(held) || rows.get(i).careful()) {
                    continue;
                }
                int band = 0;
                while (band + 1 < bands.size() && data.tokens(i) >= bands.get(band + 1)) {
                    band++;
                }
                others[band]++;
                if (rulesRaise != null && rulesRaise.test(i)) {
                    ruled[band]++;
                } else if (!positive.equals(sentiment.predict(data, i))) {
                    double p = head.probabilities(data, i)[0];
                    free.get(band).add(p);
                    allFree.add(p);
                }
            }
        }
        allFree.sort((a, b) -> Double.compare(b, a));
        double floor = allFree.isEmpty()
                ? 1
                : allFree.get(Math.min((int) Math.floor(falseAlarms * allFree.size()), allFree.size() - 1));
        List<Double> thresholds = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            List<Double> band = free.get(b);
            band.sort((x, y) -> Double.compare(y, x));
            int allowed = (int) Math.floor(falseAlarms * others[b]) - ruled[b];
            double previous = thresholds.isEmpty() ? floor : thresholds.getLast();
            double threshold = others[b] == 0
                    ? previous
                    : allowed <= 0 || band.isEmpty() ? 1 : band.get(Math.min(allowed, band.size() - 1));
            thresholds.add(Math.max(floor, threshold));
        }
        return new CarefulThresholds(bands, thresholds);
    }
}
