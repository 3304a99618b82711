package org.heard.triage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.triage.MentionTriage;
import org.heard.triage.TriageInput;
import org.heard.triage.TriageLab;
import org.heard.triage.TriageModels;
import org.heard.triage.TriageResult;
import org.heard.triage.TriageSettings;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * {@code evaluate [--data DIR] [--rows N|all] [--folds K] [--seed S] [--threads N] [--ablation true]
 * [--previous FILE] [--cache DIR] [--phrasings FILE] [--baselines false]}: measures each tag where it was
 * not trained.
 *
 * <ul>
 *   <li>Sentiment, source-disjoint: NHS comments trust by trust (trained on the other trust and the
 *       phase-1 comments), phase-1 comments trust by trust, airline tweets and Care Opinion stories
 *       (never trained on, no row of either in training); beside grouped k-fold CV on the NHS rows,
 *       CoreNLP's default model and the previously shipped classifier on the same rows.
 *   <li>Service: grouped k-fold CV on the NHS comments with a service label, through the whole
 *       triage (terms, learned head, catalogue similarity), and the terms alone.
 *   <li>Urgency: recall of strongly critical feedback at 3%, 5% and 10% false alarms (the learned
 *       careful-reply score), and the shipped operating point; the risk phrasings set (passive
 *       suicidal ideation and figurative near-misses): recall and false alarms of {@code immediate}.
 * </ul>
 */
public final class EvaluateCommand {

    /** Sentences longer than this are not parsed for the baseline (CoreNLP falls back to a flat tree). */
    private static final int BASELINE_MAX_PARSE = 60;

    static final double[] FALSE_ALARM_RATES = {0.03, 0.05, 0.10};
    static final String PHRASINGS = "triage/src/test/resources/org/heard/triage/risk-phrasings.tsv";
    static final String PREVIOUS = "triage/eval/previous/nhs-sentiment-1.ser.gz";

    private EvaluateCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parseOrExplain(
                args,
                List.of(
                        "--data",
                        "--rows",
                        "--folds",
                        "--seed",
                        "--threads",
                        "--ablation",
                        "--previous",
                        "--cache",
                        "--phrasings",
                        "--baselines"),
                "evaluate [--data DIR] [--rows N|all] [--folds K] [--seed S] [--threads N] [--ablation true] [--previous FILE] "
                        + "[--cache DIR] [--phrasings FILE] [--baselines false]",
                err);
        if (options == null) {
            return 2;
        }
        try {
            return Commands.resultsOnlyOn(out, err, () -> {
                Path data = Datasets.dataFolder(options.get("--data"));
                int threads = Options.threads(options);
                String rowsOption = options.getOrDefault("--rows", "150");
                int sample = rowsOption.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(rowsOption);
                int folds = Integer.parseInt(options.getOrDefault("--folds", "5"));
                long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
                List<Trainer.Choice> choices = Boolean.parseBoolean(options.getOrDefault("--ablation", "false"))
                        ? Trainer.Choice.ablation()
                        : List.of(Trainer.Choice.SHIPPED);
                Path cache = Path.of(options.getOrDefault(
                        "--cache", Files.isDirectory(Path.of("triage")) ? "triage/target" : "target"));
                Path previous = existing(options.getOrDefault("--previous", PREVIOUS));
                Path phrasings = existing(options.getOrDefault("--phrasings", PHRASINGS));
                boolean baselines = Boolean.parseBoolean(options.getOrDefault("--baselines", "true"));
                try (TriageLab lab = TriageLab.open(threads, cache);
                        MentionTriage triage =
                                MentionTriage.load(TriageSettings.defaults().withThreads(threads))) {
                    new Evaluation(data, lab, triage, sample, folds, seed, out, err)
                            .run(choices, previous, phrasings, baselines);
                }
                return 0;
            });
        } catch (IOException | RuntimeException e) {
            err.println("Evaluation failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static Path existing(String path) {
        Path file = Path.of(path);
        if (Files.isReadable(file)) {
            return file;
        }
        Path fromModule = Path.of(path.replaceFirst("^triage/", ""));
        return Files.isReadable(fromModule) ? fromModule : null;
    }

    private record Evaluation(
            Path data,
            TriageLab lab,
            MentionTriage triage,
            int sample,
            int folds,
            long seed,
            PrintStream out,
            PrintStream err) {

        void run(List<Trainer.Choice> choices, Path previous, Path phrasings, boolean baselines) throws IOException {
            out.println("Heard triage evaluation (" + triage.model() + "), data "
                    + data.toAbsolutePath().normalize());
            List<TrainingData.Row> rows = TrainingData.shipped(data, TrainingData.evaluationTexts(data));
            List<Datasets.Tweet> tweets = Datasets.tweets(data);
            List<Datasets.Story> stories = Datasets.stories(data);
            err.println("Featurising " + rows.size() + " training rows, " + tweets.size() + " tweets, " + stories.size()
                    + " stories...");
            TriageLab.Featurised training =
                    lab.featurise(rows.stream().map(TrainingData.Row::text).toList());
            TriageLab.Featurised tweetData =
                    lab.featurise(tweets.stream().map(Datasets.Tweet::text).toList());
            TriageLab.Featurised storyData =
                    lab.featurise(stories.stream().map(Datasets.Story::text).toList());
            List<Sentiment.Label> tweetGold =
                    tweets.stream().map(Datasets.Tweet::sentiment).toList();
            List<Sentiment.Label> storyGold =
                    stories.stream().map(s -> sign(s.criticality())).toList();
            List<Boolean> storyUrgent =
                    stories.stream().map(s -> s.criticality() <= -4).toList();
            List<Integer> all = range(rows.size());

            for (Trainer.Choice choice : choices) {
                out.println();
                out.println("#### heads: " + choice);
                // NHS comments, trust by trust: train on the other trust and every phase-1 row.
                List<String> nhsGold = new ArrayList<>();
                List<String> nhsPredicted = new ArrayList<>();
                for (String trust : trusts(rows, TrainingData.NHS_SOURCE)) {
                    Predicate<TrainingData.Row> held = r -> r.source().equals(TrainingData.NHS_SOURCE)
                            && r.trust().equals(trust);
                    Scored scored = heldOut(rows, training, held, choice);
                    line(
                            "sentiment, NHS " + trust + " (trained without " + trust + ")",
                            Scores.of(scored.gold(), scored.predicted()));
                    nhsGold.addAll(scored.gold());
                    nhsPredicted.addAll(scored.predicted());
                }
                line("sentiment, NHS trust-disjoint pooled", Scores.of(nhsGold, nhsPredicted));
                out.print(Scores.confusion(nhsGold, nhsPredicted));
                // Phase-1 comments, trust by trust: sentiment and the careful-reply score.
                List<String> p1Gold = new ArrayList<>();
                List<String> p1Predicted = new ArrayList<>();
                List<Double> carefulScores = new ArrayList<>();
                List<Boolean> carefulGold = new ArrayList<>();
                for (String trust : trusts(rows, TrainingData.PHASE1_SOURCE)) {
                    Predicate<TrainingData.Row> held = r -> r.source().equals(TrainingData.PHASE1_SOURCE)
                            && r.trust().equals(trust);
                    List<Integer> train =
                            all.stream().filter(i -> !held.test(rows.get(i))).toList();
                    TriageLab.Head sentiment = Trainer.sentiment(lab, training, rows, train, choice.sentiment());
                    TriageLab.Head careful = Trainer.careful(lab, training, rows, train, choice.careful());
                    for (int i : all) {
                        if (held.test(rows.get(i))) {
                            if (rows.get(i).sentiment() != null) {
                                p1Gold.add(rows.get(i).sentiment().wire());
                                p1Predicted.add(sentiment.predict(training, i));
                            }
                            carefulScores.add(careful.probabilities(training, i)[0]);
                            carefulGold.add(rows.get(i).careful());
                        }
                    }
                }
                if (!p1Gold.isEmpty()) {
                    line("sentiment, phase-1 trust-disjoint pooled", Scores.of(p1Gold, p1Predicted));
                }
                recallAtFalseAlarms(
                        "careful reply, phase-1 trust-disjoint (criticality <= -4)", carefulScores, carefulGold);
                if (choice.equals(Trainer.Choice.SHIPPED)) {
                    crossValidated(rows, training, choice);
                }
                // Everything trained on: the sources never seen.
                Trainer.Heads heads = new Trainer.Heads(
                        Trainer.sentiment(lab, training, rows, all, choice.sentiment()),
                        null,
                        Trainer.careful(lab, training, rows, all, choice.careful()));
                List<String> tweetPredicted = range(tweets.size()).stream()
                        .map(i -> heads.sentiment().predict(tweetData, i))
                        .toList();
                line("sentiment, airline tweets (never trained on)", Scores.of(wires(tweetGold), tweetPredicted));
                out.print(Scores.confusion(wires(tweetGold), tweetPredicted));
                List<String> storyPredicted = range(stories.size()).stream()
                        .map(i -> heads.sentiment().predict(storyData, i))
                        .toList();
                line("sentiment, Care Opinion stories, 3 classes", Scores.of(wires(storyGold), storyPredicted));
                negativePositive(
                        "sentiment, Care Opinion stories",
                        storyGold,
                        storyPredicted,
                        range(stories.size()).stream()
                                .map(i -> heads.sentiment().probabilities(storyData, i))
                                .toList());
                List<Double> storyCareful = range(stories.size()).stream()
                        .map(i -> heads.careful().probabilities(storyData, i)[0])
                        .toList();
                recallAtFalseAlarms(
                        "careful reply, Care Opinion stories (criticality <= -4)", storyCareful, storyUrgent);
            }
            out.println();
            out.println("#### shipped triage (" + triage.models().version() + "), whole pipeline");
            shippedPipeline(tweets, tweetGold, stories, storyGold, storyUrgent);
            services(rows, training);
            if (baselines) {
                baselines(rows, tweets, tweetGold, stories, storyGold, previous);
            }
            if (phrasings != null) {
                phrasings(phrasings);
            }
        }

        private record Scored(List<String> gold, List<String> predicted) {}

        /** Grouped k-fold CV over all training rows, scored on the NHS rows. */
        private void crossValidated(List<TrainingData.Row> rows, TriageLab.Featurised training, Trainer.Choice choice) {
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int fold = 0; fold < folds; fold++) {
                int f = fold;
                Predicate<TrainingData.Row> held = r -> TrainingData.fold(r.group(), folds) == f;
                Scored scored = heldOut(
                        rows, training, held.and(r -> r.source().equals(TrainingData.NHS_SOURCE)), held, choice);
                gold.addAll(scored.gold());
                predicted.addAll(scored.predicted());
            }
            line("sentiment, NHS " + folds + "-fold CV (grouped by respondent)", Scores.of(gold, predicted));
        }

        private Scored heldOut(
                List<TrainingData.Row> rows,
                TriageLab.Featurised training,
                Predicate<TrainingData.Row> held,
                Trainer.Choice choice) {
            return heldOut(rows, training, held, held, choice);
        }

        /** Trains without the {@code excluded} rows and scores sentiment on the {@code scored} ones. */
        private Scored heldOut(
                List<TrainingData.Row> rows,
                TriageLab.Featurised training,
                Predicate<TrainingData.Row> scored,
                Predicate<TrainingData.Row> excluded,
                Trainer.Choice choice) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!excluded.test(rows.get(i))) {
                    train.add(i);
                } else if (scored.test(rows.get(i)) && rows.get(i).sentiment() != null) {
                    test.add(i);
                }
            }
            TriageLab.Head head = Trainer.sentiment(lab, training, rows, train, choice.sentiment());
            return new Scored(
                    test.stream().map(i -> rows.get(i).sentiment().wire()).toList(),
                    test.stream().map(i -> head.predict(training, i)).toList());
        }

        private void shippedPipeline(
                List<Datasets.Tweet> tweets,
                List<Sentiment.Label> tweetGold,
                List<Datasets.Story> stories,
                List<Sentiment.Label> storyGold,
                List<Boolean> storyUrgent) {
            List<TriageResult> tweetResults = triage.triageAll(range(tweets.size()).stream()
                    .map(i -> TriageInput.of(tweets.get(i).id(), tweets.get(i).text(), Channel.TWITTER))
                    .toList());
            line("sentiment, airline tweets", Scores.of(wires(tweetGold), labels(tweetResults)));
            // The story's criticality is the label here, so it is not given to triage as a signal.
            List<TriageResult> storyResults = triage.triageAll(range(stories.size()).stream()
                    .map(i -> TriageInput.of(stories.get(i).id(), stories.get(i).text(), Channel.STORY))
                    .toList());
            line("sentiment, Care Opinion stories, 3 classes", Scores.of(wires(storyGold), labels(storyResults)));
            negativePositive("sentiment, Care Opinion stories", storyGold, labels(storyResults), null);
            int urgent = 0;
            int flagged = 0;
            int others = 0;
            int falseAlarms = 0;
            long immediate = 0;
            for (int i = 0; i < stories.size(); i++) {
                boolean raised = storyResults.get(i).urgency().level() != Urgency.Level.NORMAL;
                immediate += storyResults.get(i).urgency().level() == Urgency.Level.IMMEDIATE ? 1 : 0;
                if (storyUrgent.get(i)) {
                    urgent++;
                    flagged += raised ? 1 : 0;
                } else {
                    others++;
                    falseAlarms += raised ? 1 : 0;
                }
            }
            out.printf(
                    Locale.ROOT,
                    "  %-58s recall %.3f (%d/%d) at %.1f%% false alarms (%d/%d); immediate %d%n",
                    "urgency high/immediate, Care Opinion (criticality <= -4)",
                    (double) flagged / urgent,
                    flagged,
                    urgent,
                    100.0 * falseAlarms / others,
                    falseAlarms,
                    others,
                    immediate);
        }

        /** Service type from text alone (no channel hints), by grouped k-fold CV over the NHS comments. */
        private void services(List<TrainingData.Row> rows, TriageLab.Featurised training) {
            List<Integer> labelled = range(rows.size()).stream()
                    .filter(i -> rows.get(i).source().equals(TrainingData.NHS_SOURCE)
                            && !rows.get(i).services().isEmpty())
                    .toList();
            ServiceCatalogue catalogue = triage.catalogue();
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            List<String> termsOnly = new ArrayList<>();
            Map<String, int[]> bySignal = new LinkedHashMap<>();
            Properties record = triage.models().record();
            for (int fold = 0; fold < folds; fold++) {
                int f = fold;
                List<Integer> train = range(rows.size()).stream()
                        .filter(i -> TrainingData.fold(rows.get(i).group(), folds) != f)
                        .toList();
                List<Integer> test = labelled.stream()
                        .filter(i -> TrainingData.fold(rows.get(i).group(), folds) == f)
                        .toList();
                Trainer.Heads heads = Trainer.train(lab, training, rows, train, Trainer.Choice.SHIPPED);
                TriageModels models = lab.models(heads.sentiment(), heads.service(), heads.careful(), record);
                try (MentionTriage foldTriage = triage.withModels(models)) {
                    List<TriageResult> results = foldTriage.triageAll(test.stream()
                            .map(i -> TriageInput.of("nhs-" + i, rows.get(i).text(), null))
                            .toList());
                    for (int k = 0; k < test.size(); k++) {
                        String expected = rows.get(test.get(k)).services().getFirst();
                        List<ServiceTag> tags = results.get(k).services();
                        String top = topLabelService(tags, catalogue);
                        gold.add(expected);
                        predicted.add(top);
                        List<ServiceTag> terms = tags.stream()
                                .filter(t -> t.signal() == ServiceTag.Signal.TERM)
                                .toList();
                        termsOnly.add(topLabelService(terms, catalogue));
                        String signal = tags.isEmpty()
                                ? "none"
                                : String.valueOf(tags.getFirst().signal()).toLowerCase(Locale.ROOT);
                        int[] counts = bySignal.computeIfAbsent(signal, s -> new int[2]);
                        counts[0]++;
                        counts[1] += top.equals(expected) ? 1 : 0;
                    }
                }
            }
            out.println("  service, NHS comments with a service label (" + folds
                    + "-fold CV by respondent, text only, no hints):");
            line("  whole triage: top tag correct (untagged = miss)", Scores.of(gold, predicted));
            line("  catalogue terms alone (as before)", Scores.of(gold, termsOnly));
            bySignal.forEach((signal, counts) -> out.printf(
                    Locale.ROOT,
                    "      top tag from %-10s %5d rows, %5.1f%% correct%n",
                    signal,
                    counts[0],
                    100.0 * counts[1] / counts[0]));
        }

        private void baselines(
                List<TrainingData.Row> rows,
                List<Datasets.Tweet> tweets,
                List<Sentiment.Label> tweetGold,
                List<Datasets.Story> stories,
                List<Sentiment.Label> storyGold,
                Path previous)
                throws IOException {
            out.println();
            out.println("#### baselines, seeded sample of " + (sample == Integer.MAX_VALUE ? "all" : sample)
                    + " rows per file (seed " + seed + ")");
            // The previous model was trained on the NHS dev slice: it is scored only on NHS rows outside it.
            Set<String> previousTraining = new HashSet<>();
            if (Files.isReadable(data.resolve(Datasets.NHS))) {
                Datasets.nhsComments(data).forEach(c -> previousTraining.add(Datasets.comparable(c.text())));
            }
            List<TrainingData.Row> nhs = rows.stream()
                    .filter(r -> r.source().equals(TrainingData.NHS_SOURCE)
                            && r.sentiment() != null
                            && !previousTraining.contains(Datasets.comparable(r.text())))
                    .toList();
            List<Integer> nhsPick = sample(nhs.size());
            List<String> nhsTexts = nhsPick.stream().map(i -> nhs.get(i).text()).toList();
            List<String> nhsGold =
                    nhsPick.stream().map(i -> nhs.get(i).sentiment().wire()).toList();
            List<Integer> tweetPick = sample(tweets.size());
            List<String> tweetTexts =
                    tweetPick.stream().map(i -> tweets.get(i).text()).toList();
            List<String> tweetSampleGold =
                    tweetPick.stream().map(i -> tweetGold.get(i).wire()).toList();
            List<Integer> storyPick = sample(stories.size());
            List<String> storyTexts =
                    storyPick.stream().map(i -> stories.get(i).text()).toList();
            List<Sentiment.Label> storySampleGold =
                    storyPick.stream().map(storyGold::get).toList();
            Map<String, List<String>> texts = new LinkedHashMap<>();
            texts.put("NHS comments outside the previous model's training rows", nhsTexts);
            texts.put("airline tweets", tweetTexts);
            texts.put("Care Opinion stories", storyTexts);
            List<List<String>> golds = List.of(nhsGold, tweetSampleGold, wires(storySampleGold));
            int k = 0;
            for (Map.Entry<String, List<String>> entry : texts.entrySet()) {
                List<String> gold = golds.get(k++);
                List<String> ours = labels(triage.triageAll(entry.getValue().stream()
                        .map(t -> TriageInput.of("s", t, null))
                        .toList()));
                out.println("  " + entry.getKey() + ":");
                String note = entry.getKey().startsWith("NHS") ? " (trained on these rows: in-sample)" : "";
                line("  shipped triage" + note, Scores.of(gold, ours));
                if (previous != null) {
                    List<String> before = wires(lab.previousModel(previous, entry.getValue()));
                    line("  previous shipped model (nhs-sentiment-1)", Scores.of(gold, before));
                    if (entry.getKey().startsWith("Care")) {
                        negativePositive("  previous shipped model", storySampleGold, before, null);
                    }
                }
                try {
                    List<String> coreNlp = wires(lab.coreNlpDefault(entry.getValue(), BASELINE_MAX_PARSE));
                    line("  CoreNLP default (PCFG + RNTN)", Scores.of(gold, coreNlp));
                    if (entry.getKey().startsWith("Care")) {
                        negativePositive("  CoreNLP default", storySampleGold, coreNlp, null);
                    }
                } catch (RuntimeException e) {
                    out.println("    CoreNLP default: not available here (" + e.getMessage() + ")");
                }
            }
        }

        /** The risk phrasings set: each line "immediate|not-immediate TAB text". */
        private void phrasings(Path file) throws IOException {
            List<String[]> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2))
                    .toList();
            List<TriageResult> results = triage.triageAll(range(lines.size()).stream()
                    .map(i -> TriageInput.of("p" + i, lines.get(i)[1], Channel.EMAIL))
                    .toList());
            int risks = 0;
            int caught = 0;
            int nearMisses = 0;
            int falseAlarms = 0;
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                boolean immediate = results.get(i).urgency().level() == Urgency.Level.IMMEDIATE;
                if (lines.get(i)[0].equals("immediate")) {
                    risks++;
                    caught += immediate ? 1 : 0;
                    if (!immediate) {
                        wrong.add("missed: " + lines.get(i)[1]);
                    }
                } else {
                    nearMisses++;
                    falseAlarms += immediate ? 1 : 0;
                    if (immediate) {
                        wrong.add("false alarm: " + lines.get(i)[1]);
                    }
                }
            }
            out.println();
            out.printf(
                    Locale.ROOT,
                    "#### risk phrasings (%s): immediate recall %.3f (%d/%d), false alarms on near-misses %.3f (%d/%d)%n",
                    file.getFileName(),
                    (double) caught / risks,
                    caught,
                    risks,
                    (double) falseAlarms / nearMisses,
                    falseAlarms,
                    nearMisses);
            wrong.forEach(w -> out.println("    " + w));
        }

        private void negativePositive(
                String name, List<Sentiment.Label> gold, List<String> predicted, List<double[]> probabilities) {
            List<String> g = new ArrayList<>();
            List<String> strict = new ArrayList<>();
            List<String> binary = new ArrayList<>();
            for (int i = 0; i < gold.size(); i++) {
                if (gold.get(i) == Sentiment.Label.NEUTRAL) {
                    continue;
                }
                g.add(gold.get(i).wire());
                strict.add(predicted.get(i));
                if (probabilities != null) {
                    double[] p = probabilities.get(i);
                    binary.add(p[0] > p[2] ? "negative" : "positive");
                }
            }
            line(name + ", negative vs positive (neutral = miss)", Scores.of(g, strict));
            if (probabilities != null) {
                line(name + ", negative vs positive (the likelier of the two)", Scores.of(g, binary));
            }
        }

        private void recallAtFalseAlarms(String name, List<Double> scores, List<Boolean> gold) {
            List<Double> positives = new ArrayList<>();
            List<Double> negatives = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                (gold.get(i) ? positives : negatives).add(scores.get(i));
            }
            negatives.sort(Collections.reverseOrder());
            StringBuilder cells = new StringBuilder();
            for (double rate : FALSE_ALARM_RATES) {
                int at = (int) Math.floor(rate * negatives.size());
                double threshold = negatives.isEmpty() ? 1 : negatives.get(Math.min(at, negatives.size() - 1));
                long caught = positives.stream().filter(s -> s > threshold).count();
                cells.append(String.format(
                        Locale.ROOT,
                        "  recall@%2.0f%% FA %.3f",
                        rate * 100,
                        positives.isEmpty() ? Double.NaN : (double) caught / positives.size()));
            }
            out.printf(Locale.ROOT, "  %-58s n=%-5d urgent %-4d%s%n", name, scores.size(), positives.size(), cells);
        }

        private static List<String> trusts(List<TrainingData.Row> rows, String source) {
            return rows.stream()
                    .filter(r -> r.source().equals(source))
                    .map(TrainingData.Row::trust)
                    .distinct()
                    .sorted()
                    .toList();
        }

        /** The top service tag, named by the first NHS label service at or above it; "none" when untagged. */
        private static String topLabelService(List<ServiceTag> services, ServiceCatalogue catalogue) {
            if (services.isEmpty()) {
                return "none";
            }
            String top = services.getFirst().serviceId();
            for (String current = top;
                    current != null;
                    current = catalogue.parentOf(current).orElse(null)) {
                if (TrainingData.NHS_SERVICES.containsValue(current)) {
                    return current;
                }
            }
            return top;
        }

        private static Sentiment.Label sign(int criticality) {
            return criticality < 0
                    ? Sentiment.Label.NEGATIVE
                    : criticality == 0 ? Sentiment.Label.NEUTRAL : Sentiment.Label.POSITIVE;
        }

        private static List<String> labels(List<TriageResult> results) {
            return results.stream().map(r -> r.sentiment().label().wire()).toList();
        }

        private static List<String> wires(List<Sentiment.Label> labels) {
            return labels.stream().map(Sentiment.Label::wire).toList();
        }

        private static List<Integer> range(int size) {
            List<Integer> indices = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                indices.add(i);
            }
            return indices;
        }

        private List<Integer> sample(int size) {
            List<Integer> order = range(size);
            Collections.shuffle(order, new Random(seed));
            List<Integer> picked = new ArrayList<>(order.subList(0, Math.min(sample, size)));
            Collections.sort(picked);
            return picked;
        }

        private void line(String name, Scores scores) {
            out.printf(Locale.ROOT, "  %-58s n=%-5d %s%n", name, scores.rows(), scores.cell());
        }
    }
}
