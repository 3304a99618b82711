package org.heard.triage.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Predicate;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.triage.MentionTriage;
import org.heard.triage.TriageInput;
import org.heard.triage.TriageLab;
import org.heard.triage.TriageLabAccess;
import org.heard.triage.TriageModels;
import org.heard.triage.TriageModelsAccess;
import org.heard.triage.TriageResult;
import org.heard.triage.TriageSettings;

/**
 * The exploratory harness behind the choices in triage/README.md ("How the combination was chosen",
 * the careful-reply length bands): not a test and not shipped. Run from the worktree root with the
 * test classpath, e.g. {@code java -cp ... org.heard.triage.cli.Explore ../shared/data careful|rules|rulestrain|sentiment|urgency}.
 * Choices are made on the training rows; the tweets and stories are only scored.
 */
public final class Explore {

    static PrintStream out = System.out;

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        String what = args.length > 1 ? args[1] : "all";
        List<TrainingData.Row> rows = new ArrayList<>(TrainingData.shipped(data, TrainingData.evaluationTexts(data)));
        List<Datasets.Tweet> tweets = Datasets.tweets(data);
        List<Datasets.Story> stories = Datasets.stories(data);
        if (what.equals("rulestrain")) {
            rulesOnTraining(TrainingData.shipped(data, TrainingData.evaluationTexts(data)));
            return;
        }
        if (what.equals("urgency")) {
            urgency(stories, args.length > 2 ? Path.of(args[2]) : null);
            return;
        }
        try (TriageLab lab = TriageLab.open(2, Path.of("triage/target"))) {
            TriageLab.Featurised training =
                    lab.featurise(rows.stream().map(TrainingData.Row::text).toList());
            TriageLab.Featurised tweetData = lab.featurise(tweets.stream()
                    .map(Datasets.Tweet::text)
                    .map(t -> System.getProperty("mask") == null
                            ? t
                            : java.util.regex.Pattern.compile("@\\w+|https?://\\S+")
                                    .matcher(t)
                                    .replaceAll(m -> " ".repeat(m.group().length())))
                    .toList());
            TriageLab.Featurised storyData =
                    lab.featurise(stories.stream().map(Datasets.Story::text).toList());
            out.println("featurised");
            if (what.equals("service")) {
                service(lab, rows, training);
            }
            if (what.equals("careful2")) {
                careful2(lab, rows, training, stories, storyData);
            }
            if (what.equals("all") || what.equals("careful")) {
                careful(lab, rows, training, stories, storyData);
            }
            if (what.equals("all") || what.equals("rules")) {
                rules(lab, rows, training, stories);
            }
            if (what.equals("all") || what.equals("sentiment")) {
                sentiment(
                        lab,
                        rows,
                        training,
                        tweets,
                        tweetData,
                        stories,
                        storyData,
                        args.length > 2 ? args[2] : "embedding+corenlp+lemmas");
            }
        }
    }

    static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    // ---------------------------------------------------------------- careful

    record Scored(double doc, double max, double top2, int tokens, int sentences) {}

    static Scored score(TriageLab.Head head, TriageLab.Featurised data, int row) {
        double doc = head.probabilities(data, row)[0];
        List<Double> s = new ArrayList<>(
                head.sentenceProbabilities(data, row).stream().map(p -> p[0]).toList());
        s.sort(Collections.reverseOrder());
        double max = s.isEmpty() ? 0 : s.get(0);
        double top2 = s.isEmpty() ? 0 : s.size() == 1 ? s.get(0) : (s.get(0) + s.get(1)) / 2;
        return new Scored(doc, max, top2, data.tokens(row), data.sentences(row));
    }

    static void careful(
            TriageLab lab,
            List<TrainingData.Row> rows,
            TriageLab.Featurised training,
            List<Datasets.Story> stories,
            TriageLab.Featurised storyData) {
        List<Integer> all = range(rows.size());
        String blocks = Trainer.Choice.SHIPPED.careful();
        // OOF on phase-1 rows, 5 folds by group (as the shipped threshold is chosen)
        List<Scored> oof = new ArrayList<>();
        List<Boolean> oofGold = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i : all) {
                (TrainingData.fold(rows.get(i).group(), 5) == fold ? test : train).add(i);
            }
            TriageLab.Head head = Trainer.careful(lab, training, rows, train, blocks);
            for (int i : test) {
                if (rows.get(i).careful() != null) {
                    oof.add(score(head, training, i));
                    oofGold.add(rows.get(i).careful());
                }
            }
        }
        TriageLab.Head head = Trainer.careful(lab, training, rows, all, blocks);
        List<Scored> story = new ArrayList<>();
        List<Boolean> storyGold = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            story.add(score(head, storyData, i));
            storyGold.add(stories.get(i).criticality() <= -4);
        }
        out.println("== careful: ranking on stories (recall at 3/5/10% FA), and on phase-1 OOF");
        for (String variant : List.of("doc", "max", "top2", "doc-lenslope", "max-lenslope")) {
            double slope =
                    variant.endsWith("lenslope") ? slope(oof, oofGold, variant.startsWith("doc") ? "doc" : "max") : 0;
            List<Double> s = story.stream().map(x -> value(x, variant, slope)).toList();
            List<Double> p = oof.stream().map(x -> value(x, variant, slope)).toList();
            out.printf(
                    Locale.ROOT,
                    "  %-14s slope %.3f stories %s | phase1 OOF %s%n",
                    variant,
                    slope,
                    recalls(s, storyGold),
                    recalls(p, oofGold));
            // operating points chosen on phase-1 OOF
            for (double fa : new double[] {0.03, 0.05}) {
                double t = thresholdAt(p, oofGold, fa);
                out.printf(
                        Locale.ROOT,
                        "      global threshold at %.0f%% phase-1 FA: %.4f -> stories %s%n",
                        fa * 100,
                        t,
                        at(s, storyGold, x -> t));
            }
        }
        // per-length-band thresholds on doc score
        for (String variant : List.of("doc", "max", "top2")) {
            for (double fa : new double[] {0.03, 0.05}) {
                int[] edges = {0, 15, 30, 60, 100000};
                double[] t = new double[edges.length - 1];
                StringBuilder bands = new StringBuilder();
                for (int b = 0; b < t.length; b++) {
                    int lo = edges[b];
                    int hi = edges[b + 1];
                    List<Double> sub = new ArrayList<>();
                    List<Boolean> subGold = new ArrayList<>();
                    for (int i = 0; i < oof.size(); i++) {
                        if (oof.get(i).tokens() >= lo && oof.get(i).tokens() < hi) {
                            sub.add(value(oof.get(i), variant, 0));
                            subGold.add(oofGold.get(i));
                        }
                    }
                    t[b] = thresholdAt(sub, subGold, fa);
                    long neg = subGold.stream().filter(g -> !g).count();
                    bands.append(String.format(
                            Locale.ROOT, " [%d,%d) n=%d careful=%d t=%.4f;", lo, hi, neg, sub.size() - neg, t[b]));
                }
                List<Double> s = story.stream().map(x -> value(x, variant, 0)).toList();
                List<Double> thr = story.stream()
                        .map(x -> {
                            for (int b = 0; b < t.length; b++) {
                                if (x.tokens() < edges[b + 1]) {
                                    return t[b];
                                }
                            }
                            return t[t.length - 1];
                        })
                        .toList();
                int tp = 0, fp = 0, pos = 0, neg = 0;
                for (int i = 0; i < s.size(); i++) {
                    boolean flag = s.get(i) >= thr.get(i);
                    if (storyGold.get(i)) {
                        pos++;
                        tp += flag ? 1 : 0;
                    } else {
                        neg++;
                        fp += flag ? 1 : 0;
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "  banded %-5s at %.0f%%:%s -> stories recall %.3f (%d/%d) FA %.3f (%d/%d)%n",
                        variant,
                        fa * 100,
                        bands,
                        (double) tp / pos,
                        tp,
                        pos,
                        (double) fp / neg,
                        fp,
                        neg);
            }
        }
        // story length bands: FA of the shipped global threshold
        double shipped = 0.0575;
        int[] edges = {0, 30, 60, 120, 250, 100000};
        for (int b = 0; b < edges.length - 1; b++) {
            int lo = edges[b];
            int hi = edges[b + 1];
            int n = 0, fp = 0, pos = 0, tp = 0;
            for (int i = 0; i < story.size(); i++) {
                if (story.get(i).tokens() < lo || story.get(i).tokens() >= hi) {
                    continue;
                }
                boolean flag = story.get(i).doc() >= shipped;
                if (storyGold.get(i)) {
                    pos++;
                    tp += flag ? 1 : 0;
                } else {
                    n++;
                    fp += flag ? 1 : 0;
                }
            }
            out.printf(
                    Locale.ROOT,
                    "  stories tokens [%d,%d): others %d flagged %d; careful %d caught %d (doc >= %.4f)%n",
                    lo,
                    hi,
                    n,
                    fp,
                    pos,
                    tp,
                    shipped);
        }
    }

    static double value(Scored x, String variant, double slope) {
        double base = switch (variant.replace("-lenslope", "")) {
            case "doc" -> x.doc();
            case "max" -> x.max();
            default -> x.top2();
        };
        if (slope == 0) {
            return base;
        }
        double logit = Math.log(Math.max(1e-9, base) / Math.max(1e-9, 1 - base));
        return logit - slope * Math.log1p(x.tokens());
    }

    /** Least-squares slope of logit(score) on log(1+tokens) over the non-careful OOF rows. */
    static double slope(List<Scored> oof, List<Boolean> gold, String variant) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < oof.size(); i++) {
            if (gold.get(i)) {
                continue;
            }
            double x = Math.log1p(oof.get(i).tokens());
            double b = value(oof.get(i), variant, 0);
            double y = Math.log(Math.max(1e-9, b) / Math.max(1e-9, 1 - b));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    static double thresholdAt(List<Double> scores, List<Boolean> gold, double fa) {
        List<Double> neg = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            if (!gold.get(i)) {
                neg.add(scores.get(i));
            }
        }
        neg.sort(Collections.reverseOrder());
        if (neg.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        return neg.get(Math.min(neg.size() - 1, (int) Math.floor(fa * neg.size())));
    }

    static String at(List<Double> scores, List<Boolean> gold, java.util.function.DoubleUnaryOperator threshold) {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        for (int i = 0; i < scores.size(); i++) {
            boolean flag = scores.get(i) >= threshold.applyAsDouble(0);
            if (gold.get(i)) {
                pos++;
                tp += flag ? 1 : 0;
            } else {
                neg++;
                fp += flag ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "recall %.3f (%d/%d) FA %.3f (%d/%d)",
                (double) tp / pos,
                tp,
                pos,
                (double) fp / neg,
                fp,
                neg);
    }

    static String recalls(List<Double> scores, List<Boolean> gold) {
        StringBuilder b = new StringBuilder();
        for (double fa : new double[] {0.03, 0.05, 0.10}) {
            double t = thresholdAt(scores, gold, fa);
            long pos = gold.stream().filter(g -> g).count();
            long tp = 0;
            for (int i = 0; i < scores.size(); i++) {
                if (gold.get(i) && scores.get(i) > t) {
                    tp++;
                }
            }
            b.append(String.format(Locale.ROOT, "%.3f ", (double) tp / pos));
        }
        return b.toString().trim();
    }

    // ---------------------------------------------------------------- service policies

    static String labelService(String id, org.heard.triage.catalogue.ServiceCatalogue catalogue) {
        for (String current = id;
                current != null;
                current = catalogue.parentOf(current).orElse(null)) {
            if (TrainingData.NHS_SERVICES.containsValue(current)) {
                return current;
            }
        }
        return id;
    }

    static void service(TriageLab lab, List<TrainingData.Row> rows, TriageLab.Featurised training) {
        List<Integer> labelled = range(rows.size()).stream()
                .filter(i -> rows.get(i).source().equals(TrainingData.NHS_SOURCE)
                        && !rows.get(i).services().isEmpty())
                .toList();
        List<List<String>> terms = new ArrayList<>();
        try (MentionTriage triage = MentionTriage.load(TriageSettings.defaults().withThreads(2))) {
            org.heard.triage.catalogue.ServiceCatalogue catalogue = triage.catalogue();
            List<TriageResult> results = triage.triageAll(labelled.stream()
                    .map(i -> TriageInput.of("s" + i, rows.get(i).text(), null))
                    .toList());
            for (TriageResult r : results) {
                terms.add(r.services().stream()
                        .filter(t -> t.signal() == org.heard.contracts.ServiceTag.Signal.TERM)
                        .map(t -> labelService(t.serviceId(), catalogue))
                        .toList());
            }
        }
        for (String blocks : List.of("embedding+lemmas")) {
            double[][] p = new double[labelled.size()][];
            List<String> labels = null;
            for (int fold = 0; fold < 5; fold++) {
                int f = fold;
                List<Integer> train = range(rows.size()).stream()
                        .filter(i -> TrainingData.fold(rows.get(i).group(), 5) != f)
                        .toList();
                TriageLab.Head head = Trainer.service(lab, training, rows, train, blocks);
                labels = head.labels();
                for (int k = 0; k < labelled.size(); k++) {
                    if (TrainingData.fold(rows.get(labelled.get(k)).group(), 5) == f) {
                        p[k] = head.probabilities(training, labelled.get(k));
                    }
                }
            }
            out.println("== service head " + blocks);
            for (int minTokens : new int[] {0, 4, 6}) {
                for (double t : new double[] {0.4, 0.5, 0.55, 0.6}) {
                    int top = 0, tagged = 0;
                    for (int k = 0; k < labelled.size(); k++) {
                        String gold = rows.get(labelled.get(k)).services().getFirst();
                        int best = 0;
                        for (int c = 1; c < p[k].length; c++) {
                            if (p[k][c] > p[k][best]) {
                                best = c;
                            }
                        }
                        List<String> tags = new ArrayList<>(terms.get(k));
                        if (tags.isEmpty() && p[k][best] >= t && training.tokens(labelled.get(k)) >= minTokens) {
                            tags.add(labels.get(best));
                        }
                        tagged += tags.isEmpty() ? 0 : 1;
                        top += !tags.isEmpty() && tags.getFirst().equals(gold) ? 1 : 0;
                    }
                    out.printf(
                            Locale.ROOT,
                            "  learned from %.2f and %d tokens when nothing named: top %.3f tagged %.3f%n",
                            t,
                            minTokens,
                            (double) top / labelled.size(),
                            (double) tagged / labelled.size());
                }
            }
            for (double over : new double[] {0.5, 0.7, 0.85, 0.95}) {
                int top = 0, overruled = 0, overruledRight = 0;
                for (int k = 0; k < labelled.size(); k++) {
                    String gold = rows.get(labelled.get(k)).services().getFirst();
                    int best = 0;
                    for (int c = 1; c < p[k].length; c++) {
                        if (p[k][c] > p[k][best]) {
                            best = c;
                        }
                    }
                    String guess = labels.get(best);
                    List<String> tags = new ArrayList<>(terms.get(k));
                    if (tags.isEmpty()) {
                        if (p[k][best] >= 0.4) {
                            tags.add(guess);
                        }
                    } else if (labels.contains(tags.getFirst())
                            && !tags.getFirst().equals(guess)
                            && p[k][best] >= over) {
                        tags.add(0, guess);
                        overruled++;
                        overruledRight += guess.equals(gold) ? 1 : 0;
                    }
                    top += !tags.isEmpty() && tags.getFirst().equals(gold) ? 1 : 0;
                }
                out.printf(
                        Locale.ROOT,
                        "  head first over a term of its own six from %.2f: top %.3f (overruled %d, %d right)%n",
                        over,
                        (double) top / labelled.size(),
                        overruled,
                        overruledRight);
            }
            for (double t : new double[] {0.0, 0.3, 0.4, 0.5}) {
                for (double sure : new double[] {2, 0.85, 0.7, 0.5}) {
                    int top = 0, any = 0, tagged = 0, argmax = 0;
                    for (int k = 0; k < labelled.size(); k++) {
                        String gold = rows.get(labelled.get(k)).services().getFirst();
                        int best = 0;
                        for (int c = 1; c < p[k].length; c++) {
                            if (p[k][c] > p[k][best]) {
                                best = c;
                            }
                        }
                        String guess = labels.get(best);
                        argmax += guess.equals(gold) ? 1 : 0;
                        List<String> tags = new ArrayList<>(terms.get(k));
                        if (tags.isEmpty() ? p[k][best] >= t : p[k][best] >= sure && !tags.contains(guess)) {
                            tags.add(guess);
                        }
                        tagged += tags.isEmpty() ? 0 : 1;
                        top += !tags.isEmpty() && tags.getFirst().equals(gold) ? 1 : 0;
                        any += tags.contains(gold) ? 1 : 0;
                    }
                    out.printf(
                            Locale.ROOT,
                            "  learned from %.2f when nothing named, beside names from %.2f: top %.3f any %.3f tagged %.3f | argmax alone %.3f%n",
                            t,
                            sure,
                            (double) top / labelled.size(),
                            (double) any / labelled.size(),
                            (double) tagged / labelled.size(),
                            (double) argmax / labelled.size());
                }
            }
        }
    }

    // ---------------------------------------------------------------- careful2: floors, gates, rule budget

    record Case(double p, double pos, int tokens, boolean rules, boolean gold) {}

    static int bandOf(int tokens) {
        List<Integer> bands = org.heard.triage.CarefulThresholds.BANDS;
        int band = 0;
        while (band + 1 < bands.size() && tokens >= bands.get(band + 1)) {
            band++;
        }
        return band;
    }

    static boolean[] rulesRaise(List<String> texts, Channel channel) {
        try (MentionTriage triage = MentionTriage.load(TriageSettings.defaults().withThreads(2))) {
            Properties record = triage.models().record();
            record.setProperty(TriageModels.CAREFUL_THRESHOLDS_KEY, "0:2");
            try (MentionTriage rulesOnly = triage.withModels(TriageModelsAccess.withRecord(triage.models(), record))) {
                List<TriageResult> results = rulesOnly.triageAll(range(texts.size()).stream()
                        .map(i -> TriageInput.of("r" + i, texts.get(i), channel))
                        .toList());
                boolean[] raised = new boolean[texts.size()];
                for (int i = 0; i < raised.length; i++) {
                    raised[i] = results.get(i).urgency().level() != Urgency.Level.NORMAL;
                }
                return raised;
            }
        }
    }

    static void careful2(
            TriageLab lab,
            List<TrainingData.Row> rows,
            TriageLab.Featurised training,
            List<Datasets.Story> stories,
            TriageLab.Featurised storyData) {
        String blocks = Trainer.Choice.SHIPPED.careful();
        List<Integer> all = range(rows.size());
        List<Integer> labelled =
                all.stream().filter(i -> rows.get(i).careful() != null).toList();
        TriageLab.Head sentiment = Trainer.sentiment(lab, training, rows, all, Trainer.Choice.SHIPPED.sentiment());
        boolean[] rulesP1 =
                rulesRaise(labelled.stream().map(i -> rows.get(i).text()).toList(), null);
        boolean[] rulesStories =
                rulesRaise(stories.stream().map(Datasets.Story::text).toList(), Channel.STORY);
        List<Case> oof = new ArrayList<>();
        for (String trust : labelled.stream()
                .map(i -> rows.get(i).trust())
                .distinct()
                .sorted()
                .toList()) {
            List<Integer> train =
                    all.stream().filter(i -> !trust.equals(rows.get(i).trust())).toList();
            TriageLab.Head head = Trainer.careful(lab, training, rows, train, blocks);
            for (int k = 0; k < labelled.size(); k++) {
                int i = labelled.get(k);
                if (trust.equals(rows.get(i).trust())) {
                    oof.add(new Case(
                            head.probabilities(training, i)[0],
                            sentiment.probabilities(training, i)[2],
                            training.tokens(i),
                            rulesP1[k],
                            rows.get(i).careful()));
                }
            }
        }
        TriageLab.Head head = Trainer.careful(lab, training, rows, all, blocks);
        List<Case> story = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            story.add(new Case(
                    head.probabilities(storyData, i)[0],
                    sentiment.probabilities(storyData, i)[2],
                    storyData.tokens(i),
                    rulesStories[i],
                    stories.get(i).criticality() <= -4));
        }
        int bands = org.heard.triage.CarefulThresholds.BANDS.size();
        for (double gate : new double[] {1.01, 0.9, 0.7, 0.5}) {
            for (String budget : List.of("score5", "union5", "union4")) {
                for (boolean floor : new boolean[] {false, true}) {
                    double[] t = new double[bands];
                    double global = thresholdAt(
                            oof.stream()
                                    .filter(c -> c.pos() < gate)
                                    .map(Case::p)
                                    .toList(),
                            oof.stream()
                                    .filter(c -> c.pos() < gate)
                                    .map(Case::gold)
                                    .toList(),
                            0.05);
                    for (int b = 0; b < bands; b++) {
                        int band = b;
                        // the others of this band, by score, that the rules and the gate leave
                        List<Case> others = oof.stream()
                                .filter(c -> !c.gold() && bandOf(c.tokens()) == band)
                                .toList();
                        double rate = budget.equals("score5") ? 0.05 : budget.equals("union5") ? 0.05 : 0.04;
                        long ruleHits = budget.equals("score5")
                                ? 0
                                : others.stream().filter(Case::rules).count();
                        int allowed = (int) Math.floor(rate * others.size()) - (int) ruleHits;
                        List<Double> free = others.stream()
                                .filter(c -> !(budget.startsWith("union") && c.rules()) && c.pos() < gate)
                                .map(Case::p)
                                .sorted(Collections.reverseOrder())
                                .toList();
                        t[b] = allowed <= 0 || free.isEmpty() ? 1.01 : free.get(Math.min(free.size() - 1, allowed));
                        if (floor) {
                            t[b] = Math.max(t[b], global);
                        }
                    }
                    out.printf(
                            Locale.ROOT,
                            "gate pos<%.2f %-6s floor=%-5s t=%s | phase-1 OOF %s | stories %s%n",
                            gate,
                            budget,
                            floor,
                            java.util.Arrays.toString(java.util.Arrays.stream(t)
                                    .map(x -> Math.round(x * 10000) / 10000.0)
                                    .toArray()),
                            flagged(oof, t, gate),
                            flagged(story, t, gate));
                }
            }
        }
    }

    static String flagged(List<Case> cases, double[] t, double gate) {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        for (Case c : cases) {
            boolean flag = c.rules() || c.p() >= t[bandOf(c.tokens())] && c.pos() < gate;
            if (c.gold()) {
                pos++;
                tp += flag ? 1 : 0;
            } else {
                neg++;
                fp += flag ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "recall %.3f (%d/%d) FA %.3f (%d/%d)",
                (double) tp / pos,
                tp,
                pos,
                (double) fp / neg,
                fp,
                neg);
    }

    // ---------------------------------------------------------------- urgency as shipped

    /** Urgency through the whole triage (shipped models, or those in {@code models}) on the stories. */
    static void urgency(List<Datasets.Story> stories, Path models) {
        try (MentionTriage triage =
                MentionTriage.load(TriageSettings.defaults().withThreads(2).withModels(models))) {
            List<TriageInput> inputs = stories.stream()
                    .map(s -> TriageInput.of(s.id(), s.text(), Channel.STORY))
                    .toList();
            List<TriageResult> results = triage.triageAll(inputs);
            int urgent = 0, caught = 0, others = 0, alarms = 0, immediate = 0, immediateOthers = 0;
            for (int i = 0; i < stories.size(); i++) {
                Urgency.Level level = results.get(i).urgency().level();
                boolean raised = level != Urgency.Level.NORMAL;
                if (stories.get(i).criticality() <= -4) {
                    urgent++;
                    caught += raised ? 1 : 0;
                } else {
                    others++;
                    alarms += raised ? 1 : 0;
                    immediateOthers += level == Urgency.Level.IMMEDIATE ? 1 : 0;
                }
                immediate += level == Urgency.Level.IMMEDIATE ? 1 : 0;
            }
            out.printf(
                    Locale.ROOT,
                    "== urgency as shipped (%s): recall %.3f (%d/%d) at %.1f%% false alarms (%d/%d); immediate %d (%d on others)%n",
                    triage.models().version(),
                    (double) caught / urgent,
                    caught,
                    urgent,
                    100.0 * alarms / others,
                    alarms,
                    others,
                    immediate,
                    immediateOthers);
        }
    }

    /** How many of the phase-1 rows that need no careful reply the urgency rules alone raise, by length band. */
    static void rulesOnTraining(List<TrainingData.Row> rows) {
        List<TrainingData.Row> others =
                rows.stream().filter(r -> Boolean.FALSE.equals(r.careful())).toList();
        try (MentionTriage triage = MentionTriage.load(TriageSettings.defaults().withThreads(2))) {
            Properties record = triage.models().record();
            record.setProperty(TriageModels.CAREFUL_THRESHOLDS_KEY, "0:2");
            try (MentionTriage rulesOnly = triage.withModels(TriageModelsAccess.withRecord(triage.models(), record))) {
                List<TriageResult> results = rulesOnly.triageAll(range(others.size()).stream()
                        .map(i -> TriageInput.of("p" + i, others.get(i).text(), null))
                        .toList());
                List<Integer> bands = org.heard.triage.CarefulThresholds.BANDS;
                int[] n = new int[bands.size()];
                int[] raised = new int[bands.size()];
                for (int i = 0; i < others.size(); i++) {
                    int tokens = others.get(i).text().split("\\s+").length;
                    int band = 0;
                    while (band + 1 < bands.size() && tokens >= bands.get(band + 1)) {
                        band++;
                    }
                    n[band]++;
                    raised[band] += results.get(i).urgency().level() != Urgency.Level.NORMAL ? 1 : 0;
                }
                int total = 0;
                int all = 0;
                for (int b = 0; b < bands.size(); b++) {
                    out.printf(
                            Locale.ROOT,
                            "  rules alone, phase-1 others from %d words: %d of %d raised (%.2f%%)%n",
                            bands.get(b),
                            raised[b],
                            n[b],
                            100.0 * raised[b] / Math.max(1, n[b]));
                    total += raised[b];
                    all += n[b];
                }
                out.printf(
                        Locale.ROOT,
                        "== rules alone on phase-1 others: %d of %d (%.2f%%)%n",
                        total,
                        all,
                        100.0 * total / all);
            }
        }
    }

    // ---------------------------------------------------------------- rules

    static void rules(
            TriageLab lab, List<TrainingData.Row> rows, TriageLab.Featurised training, List<Datasets.Story> stories) {
        Properties never = new Properties();
        never.setProperty(TriageModels.CAREFUL_THRESHOLDS_KEY, "0:2");
        never.setProperty(TriageModels.SERVICE_THRESHOLD_KEY, "0.5");
        never.setProperty(TriageModels.SIMILARITY_THRESHOLD_KEY, "0.6");
        never.setProperty("model", "rules-only");
        try (MentionTriage triage = MentionTriage.load(TriageSettings.defaults().withThreads(2))) {
            TriageModels shipped = triage.models();
            Properties record = shipped.record();
            record.setProperty(TriageModels.CAREFUL_THRESHOLDS_KEY, "0:2");
            List<TriageInput> inputs = stories.stream()
                    .map(s -> TriageInput.of(s.id(), s.text(), Channel.STORY))
                    .toList();
            List<TriageResult> full = triage.triageAll(inputs);
            try (MentionTriage rulesOnly = triage.withModels(TriageModelsAccess.withRecord(shipped, record))) {
                List<TriageResult> rules = rulesOnly.triageAll(inputs);
                int[] c = new int[8];
                for (int i = 0; i < stories.size(); i++) {
                    boolean urgent = stories.get(i).criticality() <= -4;
                    boolean f = full.get(i).urgency().level() != Urgency.Level.NORMAL;
                    boolean r = rules.get(i).urgency().level() != Urgency.Level.NORMAL;
                    int base = urgent ? 0 : 4;
                    c[base] += 1;
                    c[base + 1] += f ? 1 : 0;
                    c[base + 2] += r ? 1 : 0;
                    c[base + 3] += rules.get(i).urgency().level() == Urgency.Level.IMMEDIATE ? 1 : 0;
                    if (!urgent && r) {
                        out.println("  RULE FA [" + stories.get(i).criticality() + "] "
                                + full.get(i).sentiment().label() + " "
                                + rules.get(i).urgency().level() + " "
                                + rules.get(i).urgency().reasons());
                    }
                }
                out.printf(
                        Locale.ROOT,
                        "== rules: urgent %d: full %d rules %d (immediate %d); others %d: full %d rules %d (immediate %d)%n",
                        c[0],
                        c[1],
                        c[2],
                        c[3],
                        c[4],
                        c[5],
                        c[6],
                        c[7]);
            }
        }
    }

    // ---------------------------------------------------------------- sentiment

    interface Scorer {
        double[] p(TriageLab.Featurised data, int row);
    }

    interface Variant {
        Scorer train(List<Integer> use);
    }

    static void sentiment(
            TriageLab lab,
            List<TrainingData.Row> rows,
            TriageLab.Featurised training,
            List<Datasets.Tweet> tweets,
            TriageLab.Featurised tweetData,
            List<Datasets.Story> stories,
            TriageLab.Featurised storyData,
            String spec) {
        for (String one : spec.split(",")) {
            String[] parts = one.split(":");
            String blocks = parts[0];
            String mode = parts.length > 1 ? parts[1] : "plain";
            Variant variant = use -> {
                if (mode.startsWith("shortw")) {
                    // short NHS comments count more
                    double w = Double.parseDouble(mode.substring(6));
                    List<TrainingData.Row> reweighted = new ArrayList<>(rows);
                    for (int i : use) {
                        TrainingData.Row r = rows.get(i);
                        if (training.tokens(i) <= 30) {
                            reweighted.set(
                                    i,
                                    new TrainingData.Row(
                                            r.text(),
                                            r.source(),
                                            r.trust(),
                                            r.group(),
                                            r.sentiment(),
                                            r.services(),
                                            r.careful(),
                                            r.weight() * w));
                        }
                    }
                    TriageLab.Head head = Trainer.sentiment(lab, training, reweighted, use, blocks);
                    return head::probabilities;
                }
                if (mode.startsWith("seed")) {
                    double w = Double.parseDouble(mode.substring(4));
                    List<Integer> withSeed = new ArrayList<>(use);
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i).source().equals(TrainingData.MESSAGES_SOURCE)) {
                            withSeed.add(i);
                        }
                    }
                    List<TrainingData.Row> reweighted = new ArrayList<>(rows);
                    for (int i : withSeed) {
                        TrainingData.Row r = rows.get(i);
                        if (r.source().equals(TrainingData.MESSAGES_SOURCE)) {
                            reweighted.set(
                                    i,
                                    new TrainingData.Row(
                                            r.text(),
                                            r.source(),
                                            r.trust(),
                                            r.group(),
                                            r.sentiment(),
                                            r.services(),
                                            r.careful(),
                                            w));
                        }
                    }
                    TriageLab.Head head = Trainer.sentiment(lab, training, reweighted, withSeed, blocks);
                    return head::probabilities;
                }
                if (mode.startsWith("split")) {
                    int cut = Integer.parseInt(mode.substring(5));
                    List<Integer> shortRows =
                            use.stream().filter(i -> training.tokens(i) <= cut).toList();
                    TriageLab.Head whole = Trainer.sentiment(lab, training, rows, use, blocks);
                    TriageLab.Head shortHead = Trainer.sentiment(lab, training, rows, shortRows, blocks);
                    return (data, row) -> data.tokens(row) <= cut
                            ? shortHead.probabilities(data, row)
                            : whole.probabilities(data, row);
                }
                TriageLab.Head head = Trainer.sentiment(lab, training, rows, use, blocks);
                return head::probabilities;
            };
            sentimentVariant(one, variant, rows, training, tweets, tweetData, stories, storyData);
        }
        out.println("  RNTN alone on tweets: "
                + Scores.of(
                                tweets.stream().map(t -> t.sentiment().wire()).toList(),
                                range(tweets.size()).stream()
                                        .map(i -> rntn(tweetData, i))
                                        .toList())
                        .cell());
    }

    static void sentimentVariant(
            String name,
            Variant variant,
            List<TrainingData.Row> rows,
            TriageLab.Featurised training,
            List<Datasets.Tweet> tweets,
            TriageLab.Featurised tweetData,
            List<Datasets.Story> stories,
            TriageLab.Featurised storyData) {
        List<Integer> all = range(rows.size()).stream()
                .filter(i -> !rows.get(i).source().equals(TrainingData.MESSAGES_SOURCE))
                .toList();
        List<double[]> oofP = new ArrayList<>();
        List<String> oofGold = new ArrayList<>();
        List<Integer> oofTokens = new ArrayList<>();
        for (String trust : List.of("NEAS", "NHFT")) {
            Predicate<TrainingData.Row> held =
                    r -> r.source().equals(TrainingData.NHS_SOURCE) && r.trust().equals(trust);
            List<Integer> train =
                    all.stream().filter(i -> !held.test(rows.get(i))).toList();
            Scorer head = variant.train(train);
            for (int i : all) {
                if (held.test(rows.get(i)) && rows.get(i).sentiment() != null) {
                    oofP.add(head.p(training, i));
                    oofGold.add(rows.get(i).sentiment().wire());
                    oofTokens.add(training.tokens(i));
                }
            }
        }
        List<double[]> cvP = new ArrayList<>();
        List<String> cvGold = new ArrayList<>();
        for (int fold = 0; fold < 5; fold++) {
            int f = fold;
            List<Integer> train = all.stream()
                    .filter(i -> TrainingData.fold(rows.get(i).group(), 5) != f)
                    .toList();
            Scorer cv = variant.train(train);
            for (int i : all) {
                if (TrainingData.fold(rows.get(i).group(), 5) == f
                        && rows.get(i).source().equals(TrainingData.NHS_SOURCE)
                        && rows.get(i).sentiment() != null) {
                    cvP.add(cv.p(training, i));
                    cvGold.add(rows.get(i).sentiment().wire());
                }
            }
        }
        out.println("  NHS 5-fold CV by respondent: "
                + Scores.of(cvGold, decide(cvP, 0)).cell());
        Scorer head = variant.train(all);
        List<double[]> tweetP =
                range(tweets.size()).stream().map(i -> head.p(tweetData, i)).toList();
        List<String> tweetGold = tweets.stream().map(t -> t.sentiment().wire()).toList();
        List<double[]> storyP =
                range(stories.size()).stream().map(i -> head.p(storyData, i)).toList();
        List<String> storyGold = stories.stream()
                .map(s -> s.criticality() < 0 ? "negative" : s.criticality() == 0 ? "neutral" : "positive")
                .toList();
        out.println("== sentiment " + name);
        for (double bias : new double[] {-0.5, 0, 0.5, 1, 1.5}) {
            out.printf(
                    Locale.ROOT,
                    "  neutral bias %+.1f: NHS trust-disjoint %s | NHS short(<=30 tok) %s | tweets %s | stories neg/pos %s%n",
                    bias,
                    Scores.of(oofGold, decide(oofP, bias)).cell(),
                    Scores.of(sub(oofGold, oofTokens, 30), sub(decide(oofP, bias), oofTokens, 30))
                            .cell(),
                    Scores.of(tweetGold, decide(tweetP, bias)).cell(),
                    negPos(storyGold, decide(storyP, bias)));
        }
        out.print(Scores.confusion(tweetGold, decide(tweetP, 0)));
    }

    static String rntn(TriageLab.Featurised data, int row) {
        double[] c = TriageLabAccess.corenlp(data, row);
        double neg = c[0] + c[1];
        double neu = c[2];
        double pos = c[3] + c[4];
        return neg > neu && neg > pos ? "negative" : pos > neu && pos > neg ? "positive" : "neutral";
    }

    static List<String> sub(List<String> values, List<Integer> tokens, int max) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (tokens.get(i) <= max) {
                r.add(values.get(i));
            }
        }
        return r;
    }

    static String negPos(List<String> gold, List<String> predicted) {
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            if (!gold.get(i).equals("neutral")) {
                g.add(gold.get(i));
                p.add(predicted.get(i));
            }
        }
        return Scores.of(g, p).cell();
    }

    static List<String> decide(List<double[]> ps, double neutralBias) {
        List<String> labels = new ArrayList<>();
        for (double[] p : ps) {
            double neg = Math.log(p[0]);
            double neu = Math.log(p[1]) + neutralBias;
            double pos = Math.log(p[2]);
            labels.add(neg >= neu && neg >= pos ? "negative" : pos > neu ? "positive" : "neutral");
        }
        return labels;
    }

    static List<String> labelsOf(List<Sentiment.Label> labels) {
        return labels.stream().map(Sentiment.Label::wire).toList();
    }
}
