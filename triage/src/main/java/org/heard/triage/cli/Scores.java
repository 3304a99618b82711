package org.heard.triage.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Accuracy and macro-averaged F1 of predicted against gold labels. */
record Scores(int rows, double accuracy, double macroF1) {

    static <T> Scores of(List<T> gold, List<T> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        if (gold.isEmpty()) {
            return new Scores(0, Double.NaN, Double.NaN);
        }
        int correct = 0;
        Set<String> labels = new TreeSet<>();
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(predicted.get(i))) {
                correct++;
            }
            labels.add(String.valueOf(gold.get(i)));
        }
        double f1Sum = 0;
        for (String label : labels) {
            f1Sum += f1(gold, predicted, label);
        }
        return new Scores(gold.size(), (double) correct / gold.size(), f1Sum / labels.size());
    }

    /** F1 of one label (a label never predicted and never gold scores 0; gold labels only are averaged). */
    static <T> double f1(List<T> gold, List<T> predicted, String label) {
        int truePositive = 0;
        int goldCount = 0;
        int predictedCount = 0;
        for (int i = 0; i < gold.size(); i++) {
            boolean isGold = String.valueOf(gold.get(i)).equals(label);
            boolean isPredicted = String.valueOf(predicted.get(i)).equals(label);
            if (isGold) {
                goldCount++;
            }
            if (isPredicted) {
                predictedCount++;
            }
            if (isGold && isPredicted) {
                truePositive++;
            }
        }
        if (truePositive == 0) {
            return 0;
        }
        double precision = (double) truePositive / predictedCount;
        double recall = (double) truePositive / goldCount;
        return 2 * precision * recall / (precision + recall);
    }

    static <T> double precision(List<T> gold, List<T> predicted, T label) {
        int predictedCount = 0;
        int truePositive = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (predicted.get(i).equals(label)) {
                predictedCount++;
                if (gold.get(i).equals(label)) {
                    truePositive++;
                }
            }
        }
        return predictedCount == 0 ? Double.NaN : (double) truePositive / predictedCount;
    }

    static <T> double recall(List<T> gold, List<T> predicted, T label) {
        int goldCount = 0;
        int truePositive = 0;
        for (int i = 0; i < gold.size(); i++) {
            if (gold.get(i).equals(label)) {
                goldCount++;
                if (predicted.get(i).equals(label)) {
                    truePositive++;
                }
            }
        }
        return goldCount == 0 ? Double.NaN : (double) truePositive / goldCount;
    }

    /** Rows as gold labels, columns as predicted: "gold -> predicted:count ...". */
    static <T> String confusion(List<T> gold, List<T> predicted) {
        java.util.Map<String, java.util.Map<String, Integer>> table = new java.util.TreeMap<>();
        for (int i = 0; i < gold.size(); i++) {
            table.computeIfAbsent(String.valueOf(gold.get(i)), g -> new java.util.TreeMap<>())
                    .merge(String.valueOf(predicted.get(i)), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        table.forEach((g, row) ->
                text.append("      ").append(g).append(" -> ").append(row).append('\n'));
        return text.toString();
    }

    String cell() {
        return String.format(Locale.ROOT, "acc %.3f  macro-F1 %.3f", accuracy, macroF1);
    }
}
