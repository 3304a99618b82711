package org.heard.triage;

import java.nio.file.Path;

/**
 * How to load triage.
 *
 * @param catalogue the service catalogue YAML, or null for the shipped NHS catalogue
 * @param threads worker threads for {@link MentionTriage#triageAll}; CoreNLP is CPU-bound, so one per core
 * @param maxAnalysedChars how much of a long story CoreNLP reads (tagging cost grows with length, while
 *     the signal is nearly always in the first few paragraphs); personal data is searched in the whole text
 */
public record TriageSettings(Path catalogue, int threads, int maxAnalysedChars) {

    public static final int DEFAULT_MAX_ANALYSED_CHARS = 6_000;

    public TriageSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (maxAnalysedChars < 280) {
            throw new IllegalArgumentException("maxAnalysedChars must be at least 280: " + maxAnalysedChars);
        }
    }

    /** The shipped catalogue, one thread per core. */
    public static TriageSettings defaults() {
        return new TriageSettings(null, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_ANALYSED_CHARS);
    }

    public TriageSettings withCatalogue(Path path) {
        return new TriageSettings(path, threads, maxAnalysedChars);
    }

    public TriageSettings withThreads(int count) {
        return new TriageSettings(catalogue, count, maxAnalysedChars);
    }
}
