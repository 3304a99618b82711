package org.heard.triage;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.ejml.simple.SimpleMatrix;
import org.heard.contracts.Sentiment;

/**
 * Trains and measures the learned heads with the same models triage runs: featurises texts once
 * (CoreNLP + embedding, cached on disk by text), trains {@link LinearModel}s on any subset, and runs
 * the baselines they must beat (CoreNLP's default sentiment model, the previously shipped classifier).
 * Used by the train and evaluate commands; the desk never needs it.
 */
public final class TriageLab implements AutoCloseable {

    /** Bump when {@link Features} change, so a stale cache is never read. */
    static final String FEATURES_VERSION = "f6";

    private final Nlp nlp;
    private final int threads;
    private final Path cache;
    private final Map<String, Text> vectors = new HashMap<>();
    private volatile StanfordCoreNLP baseline;

    private TriageLab(Nlp nlp, int threads, Path cache) {
        this.nlp = nlp;
        this.threads = threads;
        this.cache = cache;
    }

    /** @param cache a folder for the featurised texts, or null for none */
    public static TriageLab open(int threads, Path cache) throws IOException {
        TriageLab lab = new TriageLab(Nlp.load(), Math.max(1, threads), cache);
        lab.readCache();
        return lab;
    }

    /** One featurised text: the whole text's features and each sentence's own, as triage computes them. */
    private record Text(Features.Vector whole, List<Features.Vector> sentences, int tokens) {

        static Text of(Analysis analysis) {
            List<Features.Vector> sentences = new ArrayList<>();
            for (Analysis.Sentence sentence : analysis.sentences()) {
                sentences.add(Features.of(List.of(sentence), analysis.text()));
            }
            return new Text(Features.of(analysis), List.copyOf(sentences), analysis.tokenCount());
        }
    }

    /** Texts featurised once; rows are addressed by index. */
    public static final class Featurised {
        private final List<Text> rows;

        private Featurised(List<Text> rows) {
            this.rows = rows;
        }

        public int size() {
            return rows.size();
        }

        /** How many tokens CoreNLP found in the row's (capped) text. */
        public int tokens(int row) {
            return rows.get(row).tokens();
        }

        /** How many sentences the row has. */
        public int sentences(int row) {
            return rows.get(row).sentences().size();
        }

        Features.Vector whole(int row) {
            return rows.get(row).whole();
        }
    }

    public Featurised featurise(List<String> texts) throws IOException {
        List<String> missing = texts.stream()
                .filter(text -> !vectors.containsKey(text))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            List<Text> computed = Parallel.map(
                    missing,
                    text -> Text.of(nlp.analyse(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS))),
                    threads);
            for (int i = 0; i < missing.size(); i++) {
                vectors.put(missing.get(i), computed.get(i));
            }
            writeCache();
        }
        return new Featurised(texts.stream().map(vectors::get).toList());
    }

    /** A row of a featurised set with the label a person gave it and how much it counts. */
    public record Labelled(int row, String label, double weight) {}

    /** A trained head, to score rows or to ship. */
    public static final class Head {
        private final LinearModel model;
        private final String blocks;

        private Head(LinearModel model, String blocks) {
            this.model = model;
            this.blocks = blocks;
        }

        public List<String> labels() {
            return model.labels();
        }

        public double[] probabilities(Featurised data, int row) {
            return model.probabilities(data.whole(row));
        }

        /** Each sentence's probabilities on its own, in order (as triage scores sentences). */
        public List<double[]> sentenceProbabilities(Featurised data, int row) {
            return data.rows.get(row).sentences().stream()
                    .map(model::probabilities)
                    .toList();
        }

        public String predict(Featurised data, int row) {
            double[] p = probabilities(data, row);
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            return model.labels().get(best);
        }

        /** The feature blocks (and their weights) it was trained on, as given to {@link #train}. */
        public String blocks() {
            return blocks;
        }
    }

    /**
     * Trains a head on the given rows. {@code blocks} names the feature blocks joined by "+"
     * ("embedding+corenlp+lemmas"); every label weighs the same whatever its share of the rows.
     */
    public Head train(Featurised data, List<Labelled> examples, String blocks, List<String> labels) {
        List<LinearModel.Example> rows = examples.stream()
                .map(e -> new LinearModel.Example(data.whole(e.row()), e.label(), e.weight()))
                .toList();
        return new Head(
                LinearModel.train(rows, Features.blocks(blocks), Features.weights(blocks), labels, LinearModel.SIGMA),
                blocks);
    }

    /** A model set from trained heads, with its record, to load into triage or write out. */
    public TriageModels models(Head sentiment, Head service, Head careful, Properties record) {
        return new TriageModels(sentiment.model, service.model, careful.model, record);
    }

    public static void write(TriageModels models, Path folder) throws IOException {
        models.writeTo(folder);
    }

    /** The previously shipped classifier (lemma features and the RNTN, NHS comments only), from its file. */
    public List<Sentiment.Label> previousModel(Path file, List<String> texts) throws IOException {
        SentimentClassifier previous = SentimentClassifier.from(file);
        return Parallel.map(
                texts,
                text -> previous.classify(
                                nlp.analyse(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS)))
                        .label(),
                threads);
    }

    /**
     * CoreNLP's default sentiment model as CoreNLP ships it: PCFG parse, then the RNTN. Sentences over
     * {@code maxParseLength} tokens are not parsed (CoreNLP falls back to a flat tree), which keeps a
     * run over long stories to minutes. Needs the full CoreNLP models jar on the classpath (the build's
     * evaluation classpath has it; the application jar ships only the models triage loads).
     */
    public List<Sentiment.Label> coreNlpDefault(List<String> texts, int maxParseLength) {
        StanfordCoreNLP pipeline = baseline;
        if (pipeline == null) {
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
            props.setProperty("parse.maxlen", String.valueOf(maxParseLength));
            props.setProperty("parse.binaryTrees", "true");
            pipeline = new StanfordCoreNLP(props);
            baseline = pipeline;
        }
        StanfordCoreNLP shared = pipeline;
        return Parallel.map(
                texts,
                text -> {
                    Annotation annotation =
                            new Annotation(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS));
                    shared.annotate(annotation);
                    double negative = 0;
                    double neutral = 0;
                    double positive = 0;
                    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
                    for (CoreMap sentence : sentences == null ? List.<CoreMap>of() : sentences) {
                        Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                        if (tree == null) {
                            continue;
                        }
                        SimpleMatrix d = RNNCoreAnnotations.getPredictions(tree);
                        negative += d.get(0) + d.get(1);
                        neutral += d.get(2);
                        positive += d.get(3) + d.get(4);
                    }
                    if (negative > neutral && negative > positive) {
                        return Sentiment.Label.NEGATIVE;
                    }
                    return positive > neutral && positive > negative
                            ? Sentiment.Label.POSITIVE
                            : Sentiment.Label.NEUTRAL;
                },
                threads);
    }

    private Path cacheFile() {
        return cache == null ? null : cache.resolve("triage-features-" + FEATURES_VERSION + ".bin.gz");
    }

    private void readCache() throws IOException {
        Path file = cacheFile();
        if (file == null || !Files.isReadable(file)) {
            return;
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                byte[] text = new byte[in.readInt()];
                in.readFully(text);
                int tokens = in.readInt();
                Features.Vector whole = readVector(in);
                List<Features.Vector> sentences = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    sentences.add(readVector(in));
                }
                vectors.put(new String(text, StandardCharsets.UTF_8), new Text(whole, List.copyOf(sentences), tokens));
            }
        }
    }

    private static Features.Vector readVector(DataInputStream in) throws IOException {
        float[] embedding = new float[Embedder.DIMENSIONS];
        for (int d = 0; d < embedding.length; d++) {
            embedding[d] = in.readFloat();
        }
        double[] corenlp = new double[in.readInt()];
        for (int d = 0; d < corenlp.length; d++) {
            corenlp[d] = in.readDouble();
        }
        int[] lemmas = new int[in.readInt()];
        for (int d = 0; d < lemmas.length; d++) {
            lemmas[d] = in.readInt();
        }
        return new Features.Vector(embedding, corenlp, lemmas);
    }

    private void writeCache() throws IOException {
        Path file = cacheFile();
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream raw = Files.newOutputStream(partial);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw)))) {
            out.writeInt(vectors.size());
            for (Map.Entry<String, Text> entry : new ArrayList<>(vectors.entrySet())) {
                byte[] text = entry.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                out.writeInt(entry.getValue().tokens());
                writeVector(out, entry.getValue().whole());
                out.writeInt(entry.getValue().sentences().size());
                for (Features.Vector sentence : entry.getValue().sentences()) {
                    writeVector(out, sentence);
                }
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeVector(DataOutputStream out, Features.Vector vector) throws IOException {
        for (float v : vector.embedding()) {
            out.writeFloat(v);
        }
        out.writeInt(vector.corenlp().length);
        for (double v : vector.corenlp()) {
            out.writeDouble(v);
        }
        out.writeInt(vector.lemmas().length);
        for (int v : vector.lemmas()) {
            out.writeInt(v);
        }
    }

    @Override
    public void close() {
        nlp.embedder().close();
    }
}
