package org.heard.desk.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.HeardApplication;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.ingest.twitter.FakeX;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.testing.HeardTestInfrastructure;
import org.heard.triage.index.MentionIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the X channel into a real Kafka broker, and on to Elasticsearch through triage.
 *
 * <ol>
 *   <li><b>Intake throughput</b>: a fake X (a local HTTP server speaking X API v2) holds N mentions;
 *       Heard with only the ingest role takes them in — every page fetched, published to the real
 *       broker with acks=all, the conversations remembered in the Elasticsearch checkpoint index
 *       (one bulk write per page) and the since_id moved. Timed from X's first request until the
 *       checkpoint stands at the newest tweet, which happens only after Kafka acknowledged all.</li>
 *   <li><b>End-to-end latency</b>: Heard with ingest and triage; M mentions appear on the fake X at
 *       a paced rate triage can keep up with (CoreNLP tags ~90-120 mentions/s on 2 cores), polled
 *       every second; for each, the time from appearing on X until triage had tagged and indexed it.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd desk-ui   # Vaadin writes its frontend files into the working directory
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx3g -cp target/test-classes:target/classes:../ingest/target/test-classes:$(cat target/bench.cp) \
 *      org.heard.desk.bench.XToDeskBenchmark [tweets=100000] [paced=2000] [per-second=50]
 * </pre>
 */
public final class XToDeskBenchmark {

    public static void main(String[] args) throws Exception {
        int tweets = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int paced = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 50;
        var bearer = Files.createTempFile("heard-bench-x", ".token");
        Files.writeString(bearer, FakeX.BEARER);
        try {
            // Latency first: triage (consumer group from the earliest offset) would otherwise start on
            // the throughput run's 100,000 mentions still in the broker.
            endToEndLatency(paced, perSecond, bearer.toString());
            intakeThroughput(tweets, bearer.toString());
        } finally {
            Files.deleteIfExists(bearer);
        }
        System.exit(0);
    }

    private static void intakeThroughput(int tweets, String bearerFile) throws Exception {
        try (var x = new FakeX("4242", "BenchTrust", Clock.systemUTC())) {
            String newest = null;
            for (int i = 0; i < tweets; i++) {
                newest = x.mention("patient" + (i % 5_000), "@BenchTrust the wait in A&E on ward " + (i % 40)
                        + " was four hours and nobody told us why (" + i + ")").id();
            }
            var app = start(x, "BenchTrust", "4242", bearerFile, "ingest", "10m");
            try {
                var checkpoints = app.getBean(CheckpointStore.class);
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (!newest.equals(checkpoints.read("twitter:@benchtrust:mentions").orElse(null))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("The intake did not finish within 30 minutes");
                    }
                    Thread.sleep(20);
                }
                var seconds = Duration.between(x.firstRequestAt, Instant.now()).toMillis() / 1000.0;
                System.out.printf(Locale.ROOT, "X intake into Kafka: %d tweets in %.1f s = %.0f tweets/s "
                                + "(fetched in pages of 100 from the fake X, published with acks=all to a real broker, "
                                + "conversations in the Elasticsearch checkpoint index, since_id moved)%n",
                        tweets, seconds, tweets / seconds);
            } finally {
                app.close();
            }
        }
    }

    private static void endToEndLatency(int paced, double perSecond, String bearerFile) throws Exception {
        try (var x = new FakeX("4343", "PacedTrust", Clock.systemUTC())) {
            var app = start(x, "PacedTrust", "4343", bearerFile, "ingest,triage", "1s");
            try {
                var index = app.getBean(MentionIndex.class);
                // Triage loads CoreNLP in the background: wait until one tweet went all the way.
                var warmUp = x.mention("warm_up", "@PacedTrust warming up");
                awaitIndexed(index, MentionId.of(Channel.TWITTER, warmUp.id()).value(), Duration.ofMinutes(10));

                Map<String, Instant> onX = new ConcurrentHashMap<>();
                long interval = (long) (1_000_000_000L / perSecond);
                long start = System.nanoTime();
                for (int i = 0; i < paced; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    var tweet = x.mention("patient" + i, "@PacedTrust my dad waited six hours on a trolley in A&E, "
                            + "the staff were lovely but there were no beds (" + i + ")");
                    onX.put(MentionId.of(Channel.TWITTER, tweet.id()).value(), Instant.now());
                }
                double posting = (System.nanoTime() - start) / 1e9;

                var latencies = new ArrayList<Long>();
                List<String> pending = new ArrayList<>(onX.keySet());
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                while (!pending.isEmpty() && System.nanoTime() < deadline) {
                    var stillPending = new ArrayList<String>();
                    for (String id : pending) {
                        var found = index.find(id);
                        if (found.isPresent() && found.get().triagedAt() != null) {
                            latencies.add(Duration.between(onX.get(id), found.get().triagedAt()).toMillis());
                        } else {
                            stillPending.add(id);
                        }
                    }
                    pending = stillPending;
                    if (!pending.isEmpty()) {
                        Thread.sleep(250);
                    }
                }
                long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "tweets appearing on X:            %d in %.1f s (%.0f/s asked)%n", paced, posting, perSecond);
                System.out.printf(Locale.ROOT, "tagged and indexed:               %d of %d%n", sorted.length, paced);
                System.out.printf(Locale.ROOT, "on X -> tagged in Elasticsearch:  p50 %d ms, p95 %d ms, max %d ms%n",
                        percentile(sorted, 50), percentile(sorted, 95), sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
                System.out.printf(Locale.ROOT, "(X is polled every 1 s, so about 0.5 s of each figure is waiting for the next poll)%n");
            } finally {
                app.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(
            FakeX x, String handle, String userId, String bearerFile, String roles, String pollInterval) {
        return new SpringApplicationBuilder(HeardApplication.class)
                .initializers(new HeardTestInfrastructure())
                .run("--server.port=0",
                        "--heard.roles=" + roles,
                        "--heard.channel.email.embedded.smtp-port=0",
                        "--heard.channel.email.embedded.imap-port=0",
                        "--heard.channel.story.enabled=false",
                        "--heard.channel.twitter.poll-interval=" + pollInterval,
                        "--heard.channel.twitter.backfill-max-age=24h",
                        "--heard.channel.twitter.request-timeout=30s",
                        "--heard.channel.twitter.accounts[0].handle=" + handle,
                        "--heard.channel.twitter.accounts[0].user-id=" + userId,
                        "--heard.channel.twitter.accounts[0].api=v2",
                        "--heard.channel.twitter.accounts[0].base-url=" + x.v2BaseUrl(),
                        "--heard.channel.twitter.accounts[0].direct-messages=false",
                        "--heard.channel.twitter.accounts[0].bearer-token=file:" + bearerFile);
    }

    private static void awaitIndexed(MentionIndex index, String mentionId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (index.find(mentionId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The warm-up tweet never reached the index");
            }
            Thread.sleep(250);
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
