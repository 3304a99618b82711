package org.heard.triage;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.heard.contracts.Channel;

/**
 * The triage benchmark (run by the {@code bench} command): prints mentions per second through the full {@link MentionTriage} for tweet-length and story-length texts, the raw CoreNLP
 * pipeline (the same annotators, nothing of ours) on the same texts in the same run as a ratio,
 * single-mention p50/p95 latency, and, for scale, the naive CoreNLP route (PCFG parse + sentiment).
 *
 * <p>A measurement, not a test: it prints figures and asserts nothing.
 */
public final class TriageBenchmark {

    private TriageBenchmark() {}

    /**
     * Measures and prints. Texts are cycled from the given samples; the caller picks them (the bench
     * command reads them from the data folder).
     */
    public static void measure(List<String> tweets, List<String> stories, int naive, int threads, PrintStream out) {
        new Run(out, threads).measure(tweets, stories, naive);
    }

    private record Run(PrintStream out, int threads) {

        void measure(List<String> tweets, List<String> stories, int naive) {
            long start = System.nanoTime();
            try (MentionTriage triage =
                            MentionTriage.load(TriageSettings.defaults().withThreads(threads));
                    ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                double loadSeconds = (System.nanoTime() - start) / 1e9;
                Runtime runtime = Runtime.getRuntime();
                System.gc();
                long heapMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
                out.printf(
                        Locale.ROOT,
                        "Heard triage benchmark: JDK %s, %d threads, %d cores; models loaded in %.1f s, heap after load ~%d MB%n",
                        Runtime.version(),
                        threads,
                        runtime.availableProcessors(),
                        loadSeconds,
                        heapMb);
                // Warm up the JIT on both kinds before measuring.
                triage.triageAll(inputs(tweets.subList(0, Math.min(150, tweets.size())), Channel.TWITTER));
                triage.triageAll(inputs(stories.subList(0, Math.min(20, stories.size())), Channel.STORY));
                kind("tweets", tweets, Channel.TWITTER, triage, pool);
                kind("stories", stories, Channel.STORY, triage, pool);
                if (naive > 0) {
                    try {
                        naive(
                                tweets.subList(0, Math.min(naive, tweets.size())),
                                stories.subList(0, Math.min(naive / 4 + 1, stories.size())),
                                pool);
                    } catch (RuntimeException e) {
                        // The application jar ships only the models triage loads; the parser is not one of them.
                        out.println(
                                "naive CoreNLP (PCFG parse + sentiment): not available here, the parser model is not on the classpath ("
                                        + e.getMessage() + ")");
                    }
                }
            }
        }

        private void kind(
                String name, List<String> texts, Channel channel, MentionTriage triage, ExecutorService pool) {
            double chars = texts.stream().mapToInt(String::length).average().orElse(0);
            List<TriageInput> inputs = inputs(texts, channel);
            // Alternate the two and keep each one's best round, so neither gains from running second
            // on a warmer JIT or loses to a neighbour's burst on this shared machine.
            double full = 0;
            double raw = 0;
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                triage.triageAll(inputs);
                full = Math.max(full, texts.size() / ((System.nanoTime() - t0) / 1e9));
                long t1 = System.nanoTime();
                Parallel.map(
                        texts,
                        text -> triage.nlp()
                                .annotateOnly(MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS)),
                        pool);
                raw = Math.max(raw, texts.size() / ((System.nanoTime() - t1) / 1e9));
            }
            List<TriageInput> single = inputs.subList(0, Math.min(inputs.size(), 200));
            long[] latencies = new long[single.size()];
            for (int i = 0; i < single.size(); i++) {
                long s = System.nanoTime();
                triage.triage(single.get(i));
                latencies[i] = System.nanoTime() - s;
            }
            Arrays.sort(latencies);
            out.printf(
                    Locale.ROOT,
                    "%-8s n=%-4d avg %4.0f chars | full triage %7.1f mentions/s | raw CoreNLP (tokenize,ssplit,pos,lemma,ner) %7.1f mentions/s | ratio %.2f | single mention p50 %.1f ms, p95 %.1f ms%n",
                    name,
                    texts.size(),
                    chars,
                    full,
                    raw,
                    full / raw,
                    latencies[latencies.length / 2] / 1e6,
                    latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)] / 1e6);
            stages(single, triage);
        }

        /** Where one thread's time goes, per mention, so the next optimisation goes where it counts. */
        private void stages(List<TriageInput> inputs, MentionTriage triage) {
            long corenlp = 0;
            long analyse = 0;
            long sentiment = 0;
            long services = 0;
            long urgency = 0;
            long personal = 0;
            for (TriageInput input : inputs) {
                String text = MentionTriage.capped(input.text(), TriageSettings.DEFAULT_MAX_ANALYSED_CHARS);
                long t0 = System.nanoTime();
                triage.nlp().annotateOnly(text);
                long t1 = System.nanoTime();
                Analysis analysis = triage.nlp().analyse(text);
                long t2 = System.nanoTime();
                var feeling = triage.sentimentReader().read(analysis).sentiment();
                long t3 = System.nanoTime();
                triage.serviceMatcher().match(analysis, input.serviceHints());
                long t4 = System.nanoTime();
                triage.urgencyRules().assess(analysis, feeling, null);
                long t5 = System.nanoTime();
                triage.personalDataFinder().find(input.text(), analysis);
                long t6 = System.nanoTime();
                corenlp += t1 - t0;
                analyse += t2 - t1;
                sentiment += t3 - t2;
                services += t4 - t3;
                urgency += t5 - t4;
                personal += t6 - t5;
            }
            double n = inputs.size() * 1e6;
            out.printf(
                    Locale.ROOT,
                    "         per mention, one thread: CoreNLP annotators %.1f ms, + RNTN and sentence embeddings %.1f ms, sentiment classifier %.2f ms, services %.2f ms, urgency rules %.2f ms, personal data %.2f ms%n",
                    corenlp / n,
                    (analyse - corenlp) / n,
                    sentiment / n,
                    services / n,
                    urgency / n,
                    personal / n);
        }

        /** The naive route for scale: CoreNLP's own sentiment, which needs the PCFG parser. */
        private void naive(List<String> tweets, List<String> stories, ExecutorService pool) {
            Properties props = new Properties();
            props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
            props.setProperty("parse.maxlen", "60");
            StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
            for (List<String> texts : List.of(tweets, stories)) {
                long t0 = System.nanoTime();
                Parallel.map(
                        texts,
                        text -> {
                            Annotation annotation = new Annotation(
                                    MentionTriage.capped(text, TriageSettings.DEFAULT_MAX_ANALYSED_CHARS));
                            pipeline.annotate(annotation);
                            return annotation;
                        },
                        pool);
                double rate = texts.size() / ((System.nanoTime() - t0) / 1e9);
                out.printf(
                        Locale.ROOT,
                        "naive CoreNLP (tokenize,ssplit,pos,parse[PCFG],sentiment) on %d %s: %.1f mentions/s%n",
                        texts.size(),
                        texts == tweets ? "tweets" : "stories",
                        rate);
            }
        }

        private static List<TriageInput> inputs(List<String> texts, Channel channel) {
            List<TriageInput> inputs = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                inputs.add(TriageInput.of(channel.wire() + "-" + i, texts.get(i), channel));
            }
            return inputs;
        }
    }
}
