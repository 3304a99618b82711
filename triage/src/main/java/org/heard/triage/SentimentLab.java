package org.heard.triage;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.LogPrior;
import edu.stanford.nlp.classify.RVFDataset;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.optimization.QNMinimizer;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.heard.contracts.Sentiment;
import org.ejml.simple.SimpleMatrix;

/**
 * Trains and measures the domain sentiment classifier with CoreNLP's own tools: the pipeline for
 * features, {@link LinearClassifierFactory} (L-BFGS, Gaussian prior) for the classifier, and the default
 * sentiment pipeline (PCFG parse + RNTN) as the baseline it must beat. Used by the train and evaluate
 * commands; the desk never needs it.
 */
public final class SentimentLab {

    /** Gaussian prior width: CoreNLP's default, left untuned so the evaluation stays honest. */
    static final double SIGMA = 1.0;

    private final Nlp nlp;
    private final int threads;
    private volatile StanfordCoreNLP baseline;

    private SentimentLab(Nlp nlp, int threads) {
        this.nlp = nlp;
        this.threads = threads;
    }

    public static SentimentLab open(int threads) {
        return new SentimentLab(Nlp.load(), Math.max(1, threads));
    }

    /** A text with the label a person gave it. */
    public record LabelledText(String text, Sentiment.Label label) {}

    /** Features for each text, computed once (the expensive part) so folds can reuse them. */
    public final class Featurised {
        private final List<RVFDatum<String, String>> data;

        private Featurised(List<RVFDatum<String, String>> data) {
            this.data = data;
        }

        public int size() {
            return data.size();
        }
    }

    public Featurised featurise(List<LabelledText> rows) {
        List<Analysis> analyses = Parallel.map(rows, row -> nlp.analyse(row.text()), threads);
        List<RVFDatum<String, String>> data = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            data.add(new RVFDatum<>(SentimentFeatures.of(analyses.get(i)).values(), rows.get(i).label().wire()));
        }
        return new Featurised(data);
    }

    /** Out-of-fold predictions from k-fold cross-validation: each row is predicted by a model that never saw it. */
    public List<Sentiment.Label> crossValidate(Featurised rows, int folds, long seed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        Sentiment.Label[] predicted = new Sentiment.Label[rows.size()];
        for (int fold = 0; fold < folds; fold++) {
            List<RVFDatum<String, String>> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int position = 0; position < order.size(); position++) {
                int row = order.get(position);
                if (position % folds == fold) {
                    test.add(row);
                } else {
                    train.add(rows.data.get(row));
                }
            }
            SentimentClassifier classifier = new SentimentClassifier(train(train));
            for (int row : test) {
                predicted[row] = Sentiment.Label.fromWire(classifier.classifier().classOf(rows.data.get(row)));
            }
        }
        return List.of(predicted);
    }

    /** Trains on every row and writes the model (gzip'd Java serialisation, as CoreNLP's own models). */
    public void trainAndSave(Featurised rows, Path model) throws IOException {
        LinearClassifier<String, String> classifier = train(rows.data);
        Files.createDirectories(model.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(model);
                ObjectOutputStream out = new ObjectOutputStream(new GZIPOutputStream(file))) {
            out.writeObject(classifier);
        }
    }

    private static LinearClassifier<String, String> train(List<RVFDatum<String, String>> rows) {
        RVFDataset<String, String> dataset = new RVFDataset<>();
        rows.forEach(dataset::add);
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setVerbose(false);
        factory.setMinimizerCreator(() -> {
            QNMinimizer minimizer = new QNMinimizer(15);
            minimizer.shutUp();
            return minimizer;
        });
        // Each label weighs the same in training, whatever its share of the data: NHS comments are
        // two-thirds praise, while a desk's inbox (tweets, complaints) leans the other way.
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row.label(), 1, Integer::sum));
        float[] weights = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            weights[i] = (float) rows.size() / (counts.size() * counts.get(rows.get(i).label()));
        }
        @SuppressWarnings("unchecked")
        LinearClassifier<String, String> classifier = (LinearClassifier<String, String>)
                factory.trainClassifier(dataset, weights, new LogPrior(LogPrior.LogPriorType.QUADRATIC, SIGMA, 0));
        return classifier;
    }

    /** The RNTN over our cheap right-branching trees, with no domain training (an ablation). */
    public List<Sentiment.Label> rntnOnShallowTrees(List<String> texts) {
        return Parallel.map(texts, text -> fromSentences(nlp.analyse(text).sentences().stream()
                .map(Analysis.Sentence::rntn).toList()), threads);
    }

    /**
     * CoreNLP's default sentiment model as CoreNLP ships it: PCFG parse, then the RNTN. Sentences over
     * {@code maxParseLength} tokens are not parsed (CoreNLP falls back to a flat tree), which keeps a
     * run over long stories to minutes.
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
            Annotation annotation = new Annotation(text);
            shared.annotate(annotation);
            List<double[]> distributions = new ArrayList<>();
            List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
            for (CoreMap sentence : sentences == null ? List.<CoreMap>of() : sentences) {
                Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                if (tree == null) {
                    continue;
                }
                SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
                double[] distribution = new double[5];
                for (int k = 0; k < 5; k++) {
                    distribution[k] = predictions.get(k);
                }
                distributions.add(distribution);
            }
            return fromSentences(distributions);
        }, threads);
    }

    /** Pools the sentences' five-class distributions into negative / neutral / positive. */
    private static Sentiment.Label fromSentences(List<double[]> distributions) {
        double negative = 0;
        double neutral = 0;
        double positive = 0;
        for (double[] d : distributions) {
            negative += d[0] + d[1];
            neutral += d[2];
            positive += d[3] + d[4];
        }
        if (negative > neutral && negative > positive) {
            return Sentiment.Label.NEGATIVE;
        }
        if (positive > neutral && positive > negative) {
            return Sentiment.Label.POSITIVE;
        }
        return Sentiment.Label.NEUTRAL;
    }
}
