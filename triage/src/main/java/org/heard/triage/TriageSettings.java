package org.heard.triage;

import java.nio.file.Path;

/**
 * How to load triage.
 *
 * @param catalogue the service catalogue YAML, or null for the shipped NHS catalogue
 * @param threads worker threads for {@link MentionTriage#triageAll}; CoreNLP is CPU-bound, so one per core
 * @param maxAnalysedChars how much of a long text the models read (CoreNLP and the embedding: their cost
 *     grows with length, while the signal is nearly always in the first few paragraphs)
 * @param maxScannedChars how much of a text the cheap, linear personal-data patterns search (more than
 *     the models read, so a phone number in a long letter's last paragraph is still found)
 * @param models a folder of retrained models (the train command's output), or null for the shipped ones
 */
public record TriageSettings(Path catalogue, int threads, int maxAnalysedChars, int maxScannedChars, Path models) {

    public static final int DEFAULT_MAX_ANALYSED_CHARS = 6_000;
    public static final int DEFAULT_MAX_SCANNED_CHARS = 200_000;

    public TriageSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (maxAnalysedChars < 280) {
            throw new IllegalArgumentException("maxAnalysedChars must be at least 280: " + maxAnalysedChars);
        }
        if (maxScannedChars < maxAnalysedChars) {
            throw new IllegalArgumentException("maxScannedChars must be at least maxAnalysedChars: " + maxScannedChars);
        }
    }

    public TriageSettings(Path catalogue, int threads, int maxAnalysedChars) {
        this(catalogue, threads, maxAnalysedChars, Math.max(maxAnalysedChars, DEFAULT_MAX_SCANNED_CHARS), null);
    }

    /** The shipped catalogue and models, one thread per core. */
    public static TriageSettings defaults() {
        return new TriageSettings(null, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_ANALYSED_CHARS);
    }

    public TriageSettings withCatalogue(Path path) {
        return new TriageSettings(path, threads, maxAnalysedChars, maxScannedChars, models);
    }

    public TriageSettings withThreads(int count) {
        return new TriageSettings(catalogue, count, maxAnalysedChars, maxScannedChars, models);
    }

    public TriageSettings withModels(Path folder) {
        return new TriageSettings(catalogue, threads, maxAnalysedChars, maxScannedChars, folder);
    }
}
