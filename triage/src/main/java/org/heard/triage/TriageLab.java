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
    static final String FEATURES_VERSION = "f3";

    private final Nlp nlp;
    private final int threads;
    private final Path cache;
    private final Map<String, Features.Vector> vectors = new HashMap<>();
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

    /** Texts featurised once; rows are addressed by index. */
    public static final class Featurised {
        private final List<Features.Vector> rows;

        private Featurised(List<Features.Vector> rows) {
            this.rows = rows;
        }

        public int size() {
            return rows.size();
        }
    }

    public Featurised featurise(List<String> texts) throws IOException {
        List<String> missing = texts.stream().filter(text -> !vectors.containsKey(text)).distinct().toList();
        if (!missing.isEmpty()) {
            List<Features.Vector> computed = Parallel.map(missing,
                    text -> Features.of(nlp.analyse(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS))), threads);
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

        private Head(LinearModel model) {
            this.model = model;
        }

        public List<String> labels() {
            return model.labels();
        }

        public double[] probabilities(Featurised data, int row) {
            return model.probabilities(data.rows.get(row));
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

        public String blocks() {
            return String.join("+", model.blocks().stream().map(b -> b.name().toLowerCase(java.util.Locale.ROOT)).toList());
        }
    }

    /**
     * Trains a head on the given rows. {@code blocks} names the feature blocks joined by "+"
     * ("embedding+corenlp+lemmas"); every label weighs the same whatever its share of the rows.
     */
    public Head train(Featurised data, List<Labelled> examples, String blocks, List<String> labels) {
        List<LinearModel.Example> rows = examples.stream()
                .map(e -> new LinearModel.Example(data.rows.get(e.row()), e.label(), e.weight()))
                .toList();
        return new Head(LinearModel.train(rows, Features.blocks(blocks), labels, LinearModel.SIGMA));
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
        return Parallel.map(texts, text -> previous.classify(nlp.analyse(
                MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS))).label(), threads);
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
        return Parallel.map(texts, text -> {
            Annotation annotation = new Annotation(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS));
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
            return positive > neutral && positive > negative ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
        }, threads);
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
                vectors.put(new String(text, StandardCharsets.UTF_8), new Features.Vector(embedding, corenlp, lemmas));
            }
        }
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
            for (Map.Entry<String, Features.Vector> entry : new ArrayList<>(vectors.entrySet())) {
                byte[] text = entry.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                for (float v : entry.getValue().embedding()) {
                    out.writeFloat(v);
                }
                out.writeInt(entry.getValue().corenlp().length);
                for (double v : entry.getValue().corenlp()) {
                    out.writeDouble(v);
                }
                out.writeInt(entry.getValue().lemmas().length);
                for (int v : entry.getValue().lemmas()) {
                    out.writeInt(v);
                }
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        nlp.embedder().close();
    }
}
