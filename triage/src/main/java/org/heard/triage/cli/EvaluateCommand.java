package org.heard.triage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.triage.MentionTriage;
import org.heard.triage.SentimentLab;
import org.heard.triage.TriageInput;
import org.heard.triage.TriageResult;
import org.heard.triage.TriageSettings;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * {@code evaluate [--data DIR] [--rows N|all] [--folds K] [--seed S] [--threads N]}: runs triage over
 * the labelled files and prints accuracy and macro-F1 per tag, next to CoreNLP's default sentiment
 * model (PCFG parse + RNTN) on the same rows.
 *
 * <p>Nothing is scored on data it was trained on: the NHS comments (the shipped model's training
 * data) are scored by k-fold cross-validation, retraining the same classifier per fold; the airline
 * tweets and Care Opinion stories were never trained on and are scored with the shipped model. The
 * default model is slow (it parses), so it runs on a seeded sample of {@code --rows} per file, and
 * our model is also reported on exactly those rows.
 */
public final class EvaluateCommand {

    /** How the NHS file's {@code Service type 1} values map to catalogue ids. */
    static final Map<String, String> NHS_SERVICES = Map.of(
            "111", "nhs-111",
            "PTS - Patient Transport", "patient-transport",
            "See and Convey", "ambulance",
            "Local partnerships- MH", "mental-health",
            "Forensic", "secure-mental-health",
            "Community health services", "community-health");

    /** Sentences longer than this are not parsed for the baseline (CoreNLP falls back to a flat tree). */
    private static final int BASELINE_MAX_PARSE = 60;

    private EvaluateCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Map<String, String> options = Options.parseOrExplain(args, List.of("--data", "--rows", "--folds", "--seed", "--threads"),
                "evaluate [--data DIR] [--rows N|all] [--folds K] [--seed S] [--threads N]", err);
        if (options == null) {
            return 2;
        }
        try {
            return Commands.resultsOnlyOn(out, err, () -> {
                Path data = Datasets.dataFolder(options.get("--data"));
                int threads = Options.threads(options);
                String rowsOption = options.getOrDefault("--rows", "300");
                int sample = rowsOption.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(rowsOption);
                int folds = Integer.parseInt(options.getOrDefault("--folds", "5"));
                long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
                new Evaluation(data, threads, sample, folds, seed, out, err).run();
                return 0;
            });
        } catch (IOException | RuntimeException e) {
            err.println("Evaluation failed: " + e);
            return 1;
        }
    }

    private record Evaluation(Path data, int threads, int sample, int folds, long seed, PrintStream out, PrintStream err) {

        void run() throws IOException {
            SentimentLab lab = SentimentLab.open(threads);
            try (MentionTriage triage = MentionTriage.load(TriageSettings.defaults().withThreads(threads))) {
                out.println("Heard triage evaluation (" + triage.model() + "), data " + data.toAbsolutePath().normalize());
                out.println("Baseline: CoreNLP default sentiment (PCFG parse, maxlen " + BASELINE_MAX_PARSE
                        + ", + RNTN) on a seeded sample of " + (sample == Integer.MAX_VALUE ? "all" : sample)
                        + " rows per file; seed " + seed);
                out.println();
                nhs(lab, triage);
                tweets(lab, triage);
                stories(lab, triage);
            }
        }

        private void nhs(SentimentLab lab, MentionTriage triage) throws IOException {
            List<Datasets.NhsComment> rows = Datasets.nhsComments(data);
            err.println("NHS comments: " + rows.size());
            List<SentimentLab.LabelledText> labelled = rows.stream()
                    .map(r -> new SentimentLab.LabelledText(r.text(), r.sentiment())).toList();
            List<Sentiment.Label> gold = rows.stream().map(Datasets.NhsComment::sentiment).toList();
            List<Sentiment.Label> crossValidated = lab.crossValidate(lab.featurise(labelled), folds, seed);
            List<Integer> picked = sample(rows.size());
            List<String> sampleTexts = pick(rows, picked).stream().map(Datasets.NhsComment::text).toList();
            List<Sentiment.Label> baseline = lab.coreNlpDefault(sampleTexts, BASELINE_MAX_PARSE);
            List<Sentiment.Label> shallow = lab.rntnOnShallowTrees(sampleTexts);
            out.println("== NHS Friends and Family comments: sentiment (" + folds + "-fold cross-validation)");
            line("ours, all rows", Scores.of(gold, crossValidated));
            out.print(Scores.confusion(gold, crossValidated));
            line("ours, sample", Scores.of(pick(gold, picked), pick(crossValidated, picked)));
            line("CoreNLP default, sample", Scores.of(pick(gold, picked), baseline));
            line("RNTN on shallow trees, sample", Scores.of(pick(gold, picked), shallow));

            List<Datasets.NhsComment> withService = rows.stream()
                    .filter(r -> NHS_SERVICES.containsKey(r.service())).toList();
            List<TriageResult> tagged = triage.triageAll(withService.stream()
                    .map(r -> TriageInput.of(r.id(), r.text(), null)).toList());
            ServiceCatalogue catalogue = triage.catalogue();
            List<String> goldService = withService.stream().map(r -> NHS_SERVICES.get(r.service())).toList();
            List<String> predicted = new ArrayList<>();
            int covered = 0;
            for (TriageResult result : tagged) {
                String top = topLabelService(result.services(), catalogue);
                predicted.add(top);
                if (!top.equals("none")) {
                    covered++;
                }
            }
            List<String> goldCovered = new ArrayList<>();
            List<String> predictedCovered = new ArrayList<>();
            for (int i = 0; i < predicted.size(); i++) {
                if (!predicted.get(i).equals("none")) {
                    goldCovered.add(goldService.get(i));
                    predictedCovered.add(predicted.get(i));
                }
            }
            out.println("== NHS comments: service (text only, no channel hints; top tag mapped up the catalogue)");
            line("ours, all rows (none = miss)", Scores.of(goldService, predicted));
            out.print(Scores.confusion(goldService, predicted));
            line(String.format(Locale.ROOT, "ours, rows tagged (%d%%)", Math.round(100.0 * covered / predicted.size())),
                    Scores.of(goldCovered, predictedCovered));
            out.println();
        }

        private void tweets(SentimentLab lab, MentionTriage triage) throws IOException {
            List<Datasets.Tweet> rows = Datasets.tweets(data);
            err.println("Airline tweets: " + rows.size());
            List<Sentiment.Label> gold = rows.stream().map(Datasets.Tweet::sentiment).toList();
            List<Sentiment.Label> ours = labels(triage.triageAll(rows.stream()
                    .map(r -> TriageInput.of(r.id(), r.text(), Channel.TWITTER)).toList()));
            List<Integer> picked = sample(rows.size());
            List<String> sampleTexts = pick(rows, picked).stream().map(Datasets.Tweet::text).toList();
            out.println("== Airline tweets: sentiment (never trained on)");
            line("ours, all rows", Scores.of(gold, ours));
            out.print(Scores.confusion(gold, ours));
            line("ours, sample", Scores.of(pick(gold, picked), pick(ours, picked)));
            line("CoreNLP default, sample", Scores.of(pick(gold, picked), lab.coreNlpDefault(sampleTexts, BASELINE_MAX_PARSE)));
            out.println();
        }

        private void stories(SentimentLab lab, MentionTriage triage) throws IOException {
            List<Datasets.Story> rows = Datasets.stories(data);
            err.println("Care Opinion stories: " + rows.size());
            // The story's criticality is the label here, so it is not given to triage as a signal.
            List<TriageResult> tagged = triage.triageAll(rows.stream()
                    .map(r -> TriageInput.of(r.id(), r.text(), Channel.STORY)).toList());
            List<Sentiment.Label> gold = rows.stream().map(r -> r.criticality() < 0 ? Sentiment.Label.NEGATIVE
                    : r.criticality() == 0 ? Sentiment.Label.NEUTRAL : Sentiment.Label.POSITIVE).toList();
            List<Sentiment.Label> ours = labels(tagged);
            List<Integer> picked = sample(rows.size());
            List<String> sampleTexts = pick(rows, picked).stream().map(Datasets.Story::text).toList();
            out.println("== Care Opinion stories: sentiment = sign of criticality (never trained on)");
            line("ours, all rows", Scores.of(gold, ours));
            out.print(Scores.confusion(gold, ours));
            line("ours, sample", Scores.of(pick(gold, picked), pick(ours, picked)));
            line("CoreNLP default, sample", Scores.of(pick(gold, picked), lab.coreNlpDefault(sampleTexts, BASELINE_MAX_PARSE)));

            List<String> urgentGold = rows.stream().map(r -> r.criticality() <= -4 ? "urgent" : "normal").toList();
            List<String> urgentOurs = tagged.stream()
                    .map(t -> t.urgency().level() == Urgency.Level.NORMAL ? "normal" : "urgent").toList();
            long immediate = tagged.stream().filter(t -> t.urgency().level() == Urgency.Level.IMMEDIATE).count();
            out.println("== Care Opinion stories: urgency (gold: criticality <= -4; ours: immediate or high)");
            line("ours, all rows", Scores.of(urgentGold, urgentOurs));
            out.printf(Locale.ROOT, "  %-34s precision %.3f  recall %.3f  (gold urgent %d, ours urgent %d, immediate %d)%n",
                    "urgent class", Scores.precision(urgentGold, urgentOurs, "urgent"),
                    Scores.recall(urgentGold, urgentOurs, "urgent"),
                    urgentGold.stream().filter("urgent"::equals).count(),
                    urgentOurs.stream().filter("urgent"::equals).count(), immediate);
            out.println();
        }

        /** The top service tag, named by the first NHS label service at or above it; "none" when untagged. */
        private static String topLabelService(List<ServiceTag> services, ServiceCatalogue catalogue) {
            if (services.isEmpty()) {
                return "none";
            }
            String top = services.getFirst().serviceId();
            String current = top;
            while (current != null) {
                if (NHS_SERVICES.containsValue(current)) {
                    return current;
                }
                current = catalogue.parentOf(current).orElse(null);
            }
            return top;
        }

        private static List<Sentiment.Label> labels(List<TriageResult> results) {
            return results.stream().map(r -> r.sentiment().label()).toList();
        }

        private List<Integer> sample(int size) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<Integer> picked = new ArrayList<>(order.subList(0, Math.min(sample, size)));
            Collections.sort(picked);
            return picked;
        }

        private static <T> List<T> pick(List<T> items, List<Integer> picked) {
            Function<Integer, T> at = items::get;
            return picked.stream().map(at).toList();
        }

        private void line(String name, Scores scores) {
            out.printf(Locale.ROOT, "  %-34s n=%-5d %s%n", name, scores.rows(), scores.cell());
        }
    }
}
