package org.heard.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The learned heads triage loads, with the record of where they came from: sentiment
 * (negative / neutral / positive), service type, and "needs a careful reply first". The shipped set
 * is on the classpath; a trust that retrained on its own corrections points
 * {@code heard.triage.model-dir} (or {@code --models}) at the folder the train command wrote.
 */
public final class TriageModels {

    static final String RESOURCES = "models/";
    static final String SENTIMENT_FILE = "sentiment.model.gz";
    static final String SERVICE_FILE = "service.model.gz";
    static final String CAREFUL_FILE = "careful.model.gz";
    static final String RECORD_FILE = "models.properties";
    static final List<String> FILES = List.of(SENTIMENT_FILE, SERVICE_FILE, CAREFUL_FILE, RECORD_FILE);

    static final String CAREFUL = "careful";
    static final String OTHER = "other";
    /** Record keys for the operating points chosen at training time. */
    public static final String CAREFUL_THRESHOLD_KEY = "careful.threshold";
    /** The careful-reply thresholds by mention length ({@link CarefulThresholds#format()}); older sets have one. */
    public static final String CAREFUL_THRESHOLDS_KEY = "careful.thresholds";

    public static final String SERVICE_THRESHOLD_KEY = "service.threshold";
    public static final String SIMILARITY_THRESHOLD_KEY = "similarity.threshold";
    /** The sentence embedding model the heads learned from: they are only valid over its vectors. */
    public static final String EMBEDDING_KEY = "embedding";

    /** The sentence embedding model triage runs, as recorded under {@link #EMBEDDING_KEY}. */
    public static String embeddingModel() {
        return Embedder.MODEL_ID;
    }

    private final LinearModel sentiment;
    private final LinearModel service;
    private final LinearModel careful;
    private final Properties record;

    TriageModels(LinearModel sentiment, LinearModel service, LinearModel careful, Properties record) {
        this.sentiment = sentiment;
        this.service = service;
        this.careful = careful;
        this.record = record;
    }

    /** The shipped models; fails loudly when missing, as triage without them would mislead. */
    public static TriageModels shipped() {
        return load(
                name -> TriageModels.class.getResourceAsStream(RESOURCES + name), "the classpath (" + RESOURCES + ")");
    }

    /** Models the train command wrote to {@code folder}. */
    public static TriageModels from(Path folder) {
        return load(
                name -> {
                    Path file = folder.resolve(name);
                    return Files.isReadable(file) ? Files.newInputStream(file) : null;
                },
                folder.toString());
    }

    /** The shipped models, or those in {@code folder} when it is given. */
    public static TriageModels shippedOr(Path folder) {
        return folder == null ? shipped() : from(folder);
    }

    private interface Source {
        InputStream open(String name) throws IOException;
    }

    private static TriageModels load(Source source, String where) {
        try {
            Properties record = new Properties();
            try (InputStream in = required(source, RECORD_FILE, where)) {
                record.load(in);
            }
            return new TriageModels(
                    read(source, SENTIMENT_FILE, where),
                    read(source, SERVICE_FILE, where),
                    read(source, CAREFUL_FILE, where),
                    record);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the triage models from " + where, e);
        }
    }

    private static LinearModel read(Source source, String name, String where) throws IOException {
        try (InputStream in = required(source, name, where)) {
            return LinearModel.read(in);
        }
    }

    private static InputStream required(Source source, String name, String where) throws IOException {
        InputStream in = source.open(name);
        if (in == null) {
            throw new IllegalStateException(
                    "Triage model " + name + " is missing from " + where + ": run the train command");
        }
        return in;
    }

    /** Writes the models and their record to {@code folder}. */
    void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder.resolve(SENTIMENT_FILE), sentiment);
        write(folder.resolve(SERVICE_FILE), service);
        write(folder.resolve(CAREFUL_FILE), careful);
        // Sorted and without Properties' time stamp: the same data gives the same files.
        java.io.StringWriter text = new java.io.StringWriter();
        record.store(text, null);
        List<String> lines = text.toString()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .toList();
        Files.writeString(
                folder.resolve(RECORD_FILE),
                "# Where these triage models came from. Written by the train command; do not edit.\n"
                        + String.join("\n", lines) + "\n",
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static void write(Path file, LinearModel model) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.write(out);
        }
    }

    LinearModel sentiment() {
        return sentiment;
    }

    LinearModel service() {
        return service;
    }

    LinearModel careful() {
        return careful;
    }

    /** The provenance record: data, licence, rows, command, thresholds. */
    public Properties record() {
        Properties copy = new Properties();
        copy.putAll(record);
        return copy;
    }

    public String version() {
        return record.getProperty("model", "unknown");
    }

    /** The careful-reply operating points: by length where the record has them, else its one threshold. */
    CarefulThresholds carefulThresholds() {
        CarefulThresholds banded = CarefulThresholds.parse(record.getProperty(CAREFUL_THRESHOLDS_KEY));
        return banded != null ? banded : CarefulThresholds.single(threshold(CAREFUL_THRESHOLD_KEY, 0.9));
    }

    double threshold(String key, double fallback) {
        try {
            return Double.parseDouble(record.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
