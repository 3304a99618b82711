package org.heard.triage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Sentiment;
import org.heard.triage.SentimentLab;

/**
 * {@code train [--data DIR] [--out DIR] [--threads N]}: trains the domain sentiment classifier on the
 * NHS Friends-and-Family comments (MIT licence, so the model may ship) and writes it with a record of
 * where its data came from. Deterministic: same data, same model. Care Opinion and airline data
 * (CC BY-NC-SA) are never trained on.
 */
public final class TrainCommand {

    static final String MODEL_FILE = "nhs-sentiment.ser.gz";
    static final String RECORD_FILE = "nhs-sentiment.properties";
    static final String MODEL_VERSION = "nhs-sentiment-1";

    private TrainCommand() {}

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, out, err, Clock.systemUTC());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        Map<String, String> options =
                Options.parseOrExplain(args, List.of("--data", "--out", "--threads"), "train [--data DIR] [--out DIR] [--threads N]", err);
        if (options == null) {
            return 2;
        }
        Path data = Datasets.dataFolder(options.get("--data"));
        Path outDir = options.containsKey("--out") ? Path.of(options.get("--out")) : defaultOut();
        try {
            int threads = Options.threads(options);
            List<Datasets.NhsComment> comments = Datasets.nhsComments(data);
            if (comments.isEmpty()) {
                err.println("No labelled NHS comments in " + data.resolve(Datasets.NHS));
                return 1;
            }
            List<SentimentLab.LabelledText> rows = comments.stream()
                    .map(c -> new SentimentLab.LabelledText(c.text(), c.sentiment()))
                    .toList();
            err.println("Featurising " + rows.size() + " NHS comments on " + threads + " threads...");
            SentimentLab lab = SentimentLab.open(threads);
            SentimentLab.Featurised featurised = lab.featurise(rows);
            Path model = outDir.resolve(MODEL_FILE);
            lab.trainAndSave(featurised, model);
            writeRecord(outDir.resolve(RECORD_FILE), rows, clock);
            out.println("Wrote " + model + " (" + Files.size(model) + " bytes) from " + rows.size() + " rows");
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("Training failed: " + e.getMessage());
            return 1;
        }
    }

    private static void writeRecord(Path file, List<SentimentLab.LabelledText> rows, Clock clock) throws IOException {
        Map<Sentiment.Label, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.merge(row.label(), 1L, Long::sum));
        String record = String.join("\n",
                "# Where the shipped sentiment model came from. Written by the train command; do not edit.",
                "model=" + MODEL_VERSION,
                "classifier=CoreNLP LinearClassifier (maxent, L-BFGS, quadratic prior sigma 1.0, labels weighted equally) over lemma uni/bigrams with negation scope and the CoreNLP sentiment RNTN (sentence distributions and word polarity over right-branching trees)",
                "source=The-Strategy-Unit/pxtextmining datasets/v6framework_230831.csv, data rows 2400-4099 (NHS Friends and Family Test comments, NEAS and NHFT)",
                "licence=MIT (c) NHS England; attribute the source, non-commercial use",
                "columns=FFT answer (text), Comment sentiment (1-2 positive, 3 mixed = neutral, 4-5 negative)",
                "rows=" + rows.size(),
                "labels=" + counts,
                "seed=none needed (full-batch L-BFGS on rows in file order is deterministic)",
                "trained=" + LocalDate.now(clock),
                "command=./mvnw -q -pl triage -am test-compile -Dtriage.command=train",
                "not-trained-on=Care Opinion and airline tweets (CC BY-NC-SA): evaluation only",
                "");
        Files.writeString(file, record);
    }

    private static Path defaultOut() {
        Path fromRoot = Path.of("triage/src/main/resources/org/heard/triage/sentiment");
        if (Files.isDirectory(Path.of("triage/src/main/resources"))) {
            return fromRoot;
        }
        return Path.of("src/main/resources/org/heard/triage/sentiment");
    }
}
