package org.heard.triage;

import edu.stanford.nlp.optimization.AbstractCachingDiffFunction;
import edu.stanford.nlp.optimization.QNMinimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression (maximum entropy) over chosen {@link Features} blocks: dense
 * blocks are standardised with the training rows' mean and spread, hashed lemmas are binary.
 * Trained with CoreNLP's L-BFGS minimiser and a Gaussian prior; every label weighs the same in
 * training whatever its share of the rows. Immutable after training or loading, so thread-safe.
 */
final class LinearModel {

    private static final String MAGIC = "heard-linear-1";
    static final double SIGMA = 1.0;

    private final EnumSet<Features.Block> blocks;
    private final List<String> labels;
    private final double[] mean;
    private final double[] spread;
    /** Per label: dense weights, then hashed-lemma weights (if used), then the bias. */
    private final float[] weights;

    private LinearModel(
            EnumSet<Features.Block> blocks, List<String> labels, double[] mean, double[] spread, float[] weights) {
        this.blocks = blocks;
        this.labels = List.copyOf(labels);
        this.mean = mean;
        this.spread = spread;
        this.weights = weights;
    }

    List<String> labels() {
        return labels;
    }

    EnumSet<Features.Block> blocks() {
        return EnumSet.copyOf(blocks);
    }

    /** A training example: its features, its label and how much it counts (1 normally). */
    record Example(Features.Vector features, String label, double weight) {}

    private static int denseSize(EnumSet<Features.Block> blocks) {
        return (blocks.contains(Features.Block.EMBEDDING) ? Embedder.DIMENSIONS : 0)
                + (blocks.contains(Features.Block.CORENLP) ? Features.CORENLP_SIZE : 0);
    }

    private static int sparseSize(EnumSet<Features.Block> blocks) {
        return blocks.contains(Features.Block.LEMMAS) ? 1 << Features.HASH_BITS : 0;
    }

    private static double[] dense(Features.Vector vector, EnumSet<Features.Block> blocks) {
        double[] values = new double[denseSize(blocks)];
        int at = 0;
        if (blocks.contains(Features.Block.EMBEDDING)) {
            for (float v : vector.embedding()) {
                values[at++] = v;
            }
        }
        if (blocks.contains(Features.Block.CORENLP)) {
            for (double v : vector.corenlp()) {
                values[at++] = v;
            }
        }
        return values;
    }

    static LinearModel train(
            List<Example> examples, EnumSet<Features.Block> blocks, List<String> labels, double sigma) {
        return train(examples, blocks, Map.of(), labels, sigma);
    }

    /**
     * @param weights how much each dense block's standardised values count (1 when absent): folded
     *     into the spread, so a trained model reads and writes as any other
     */
    static LinearModel train(
            List<Example> examples,
            EnumSet<Features.Block> blocks,
            Map<Features.Block, Double> blockWeights,
            List<String> labels,
            double sigma) {
        int n = examples.size();
        int denseSize = denseSize(blocks);
        int sparseSize = sparseSize(blocks);
        int stride = denseSize + sparseSize + 1;
        int classes = labels.size();
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int k = 0; k < classes; k++) {
            labelIndex.put(labels.get(k), k);
        }
        double[][] x = new double[n][];
        int[][] sparse = new int[n][];
        int[] y = new int[n];
        double[] weight = new double[n];
        double[] mean = new double[denseSize];
        double[] spread = new double[denseSize];
        double[] labelTotals = new double[classes];
        for (int i = 0; i < n; i++) {
            Example example = examples.get(i);
            x[i] = dense(example.features(), blocks);
            sparse[i] = sparseSize > 0 ? example.features().lemmas() : new int[0];
            Integer label = labelIndex.get(example.label());
            if (label == null) {
                throw new IllegalArgumentException("Unknown label " + example.label() + "; expected one of " + labels);
            }
            y[i] = label;
            labelTotals[label] += example.weight();
            for (int d = 0; d < denseSize; d++) {
                mean[d] += x[i][d];
            }
        }
        for (int d = 0; d < denseSize; d++) {
            mean[d] /= Math.max(1, n);
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < denseSize; d++) {
                double delta = x[i][d] - mean[d];
                spread[d] += delta * delta;
            }
        }
        for (int d = 0; d < denseSize; d++) {
            spread[d] = Math.sqrt(spread[d] / Math.max(1, n));
            if (spread[d] < 1e-6) {
                spread[d] = 1;
            }
        }
        int at = 0;
        for (Features.Block block : List.of(Features.Block.EMBEDDING, Features.Block.CORENLP)) {
            if (!blocks.contains(block)) {
                continue;
            }
            int size = block == Features.Block.EMBEDDING ? Embedder.DIMENSIONS : Features.CORENLP_SIZE;
            double blockWeight = blockWeights.getOrDefault(block, 1.0);
            for (int d = at; d < at + size; d++) {
                spread[d] /= blockWeight;
            }
            at += size;
        }
        double total = 0;
        int present = 0;
        for (int k = 0; k < classes; k++) {
            total += labelTotals[k];
            present += labelTotals[k] > 0 ? 1 : 0;
        }
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < denseSize; d++) {
                x[i][d] = (x[i][d] - mean[d]) / spread[d];
            }
            weight[i] = examples.get(i).weight() * total / (present * labelTotals[y[i]]);
        }
        Objective objective = new Objective(x, sparse, y, weight, classes, denseSize, stride, sigma);
        QNMinimizer minimizer = new QNMinimizer(15);
        minimizer.shutUp();
        double[] solution = minimizer.minimize(objective, 1e-5, new double[classes * stride], 400);
        float[] weights = new float[solution.length];
        for (int i = 0; i < solution.length; i++) {
            weights[i] = (float) solution[i];
        }
        return new LinearModel(EnumSet.copyOf(blocks), labels, mean, spread, weights);
    }

    /** The probability of each label, in {@link #labels()} order. */
    double[] probabilities(Features.Vector vector) {
        double[] x = dense(vector, blocks);
        int denseSize = x.length;
        int sparseSize = sparseSize(blocks);
        int stride = denseSize + sparseSize + 1;
        double[] scores = new double[labels.size()];
        for (int k = 0; k < scores.length; k++) {
            int base = k * stride;
            double z = weights[base + stride - 1];
            for (int d = 0; d < denseSize; d++) {
                z += weights[base + d] * (x[d] - mean[d]) / spread[d];
            }
            if (sparseSize > 0) {
                for (int feature : vector.lemmas()) {
                    z += weights[base + denseSize + feature];
                }
            }
            scores[k] = z;
        }
        return softmax(scores);
    }

    double probability(Features.Vector vector, String label) {
        return probabilities(vector)[labels.indexOf(label)];
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp(scores[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Weighted negative log-likelihood plus the Gaussian prior, and its gradient; rows in fixed chunks so sums are deterministic. */
    private static final class Objective extends AbstractCachingDiffFunction {

        private static final int CHUNK = 4096;

        private final double[][] x;
        private final int[][] sparse;
        private final int[] y;
        private final double[] weight;
        private final int classes;
        private final int denseSize;
        private final int stride;
        private final double sigma;

        Objective(
                double[][] x,
                int[][] sparse,
                int[] y,
                double[] weight,
                int classes,
                int denseSize,
                int stride,
                double sigma) {
            this.x = x;
            this.sparse = sparse;
            this.y = y;
            this.weight = weight;
            this.classes = classes;
            this.denseSize = denseSize;
            this.stride = stride;
            this.sigma = sigma;
        }

        @Override
        public int domainDimension() {
            return classes * stride;
        }

        private record Partial(double value, double[] gradient) {}

        @Override
        protected void calculate(double[] w) {
            int chunks = (x.length + CHUNK - 1) / CHUNK;
            List<Partial> partials = IntStream.range(0, chunks)
                    .parallel()
                    .mapToObj(c -> chunk(w, c * CHUNK, Math.min(x.length, (c + 1) * CHUNK)))
                    .toList();
            double total = 0;
            double[] gradient = new double[w.length];
            for (Partial partial : new ArrayList<>(partials)) {
                total += partial.value();
                for (int i = 0; i < gradient.length; i++) {
                    gradient[i] += partial.gradient()[i];
                }
            }
            double variance = sigma * sigma;
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < stride - 1; j++) {
                    int at = k * stride + j;
                    total += w[at] * w[at] / (2 * variance);
                    gradient[at] += w[at] / variance;
                }
            }
            value = total;
            derivative = gradient;
        }

        private Partial chunk(double[] w, int from, int to) {
            double total = 0;
            double[] gradient = new double[w.length];
            double[] scores = new double[classes];
            for (int i = from; i < to; i++) {
                for (int k = 0; k < classes; k++) {
                    int base = k * stride;
                    double z = w[base + stride - 1];
                    for (int d = 0; d < denseSize; d++) {
                        z += w[base + d] * x[i][d];
                    }
                    for (int feature : sparse[i]) {
                        z += w[base + denseSize + feature];
                    }
                    scores[k] = z;
                }
                double[] p = softmax(scores);
                total -= weight[i] * Math.log(Math.max(1e-300, p[y[i]]));
                for (int k = 0; k < classes; k++) {
                    double g = weight[i] * (p[k] - (k == y[i] ? 1 : 0));
                    if (g == 0) {
                        continue;
                    }
                    int base = k * stride;
                    for (int d = 0; d < denseSize; d++) {
                        gradient[base + d] += g * x[i][d];
                    }
                    for (int feature : sparse[i]) {
                        gradient[base + denseSize + feature] += g;
                    }
                    gradient[base + stride - 1] += g;
                }
            }
            return new Partial(total, gradient);
        }
    }

    void write(OutputStream target) throws IOException {
        GZIPOutputStream zipped = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(zipped);
        out.writeUTF(MAGIC);
        out.writeUTF(String.join("+", blocks.stream().map(Enum::name).toList()));
        out.writeInt(Features.HASH_BITS);
        out.writeInt(labels.size());
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(mean.length);
        for (int d = 0; d < mean.length; d++) {
            out.writeDouble(mean[d]);
            out.writeDouble(spread[d]);
        }
        out.writeInt(weights.length);
        for (float w : weights) {
            out.writeFloat(w);
        }
        out.flush();
        zipped.finish();
    }

    static LinearModel read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(source));
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("Not a Heard linear model: " + magic);
        }
        EnumSet<Features.Block> blocks = Features.blocks(in.readUTF());
        int hashBits = in.readInt();
        if (hashBits != Features.HASH_BITS) {
            throw new IOException(
                    "Model hashes lemmas into 2^" + hashBits + " buckets; this triage uses 2^" + Features.HASH_BITS);
        }
        int classes = in.readInt();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add(in.readUTF());
        }
        int denseSize = in.readInt();
        if (denseSize != denseSize(blocks)) {
            throw new IOException("Model has " + denseSize + " dense features; expected " + denseSize(blocks));
        }
        double[] mean = new double[denseSize];
        double[] spread = new double[denseSize];
        for (int d = 0; d < denseSize; d++) {
            mean[d] = in.readDouble();
            spread[d] = in.readDouble();
        }
        float[] weights = new float[in.readInt()];
        if (weights.length != classes * (denseSize + sparseSize(blocks) + 1)) {
            throw new IOException("Model weights do not match its features");
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LinearModel(blocks, labels, mean, spread, weights);
    }
}
