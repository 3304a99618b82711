package org.heard.desk.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.HeardApplication;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.ingest.twitter.FakeX;
import org.heard.mentions.MentionSearch;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.testing.HeardTestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Not a test: the X channel into a real Kafka broker, and on to Elasticsearch through triage.
 *
 * <ol>
 *   <li><b>Intake throughput</b>: Heard with only the ingest role, polling a fake X (a local HTTP
 *       server speaking X API v2) every second; N mentions appear there at once and are taken in —
 *       every page fetched, published to the real broker with acks=all, the conversations remembered
 *       in the Elasticsearch checkpoint index (one bulk write per page) and the since_id moved. Timed
 *       from the tweets appearing until the checkpoint stands at the newest, which happens only after
 *       Kafka acknowledged all, after an untimed warm-up of N/10.</li>
 *   <li><b>End-to-end latency</b>: Heard with ingest and triage; M mentions appear on the fake X at
 *       a paced rate triage can keep up with (CoreNLP tags ~90-120 mentions/s on 2 cores), polled
 *       every second; for each, the time from appearing on X until triage had tagged and indexed it.</li>
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd desk-ui   # Vaadin writes its frontend files into the working directory
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -Xmx3g -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *      org.heard.desk.bench.XToDeskBenchmark [tweets=100000] [paced=2000] [per-second=50]   # 0 skips that part
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
            if (paced > 0) {
                endToEndLatency(paced, perSecond, bearer.toString());
            }
            if (tweets > 0) {
                intakeThroughput(tweets, bearer.toString());
            }
        } finally {
            Files.deleteIfExists(bearer);
        }
        System.exit(0);
    }

    private static void intakeThroughput(int tweets, String bearerFile) throws Exception {
        try (var x = new FakeX("4242", "BenchTrust", Clock.systemUTC())) {
            // Started first, so the timing holds the intake alone, not the application's start.
            var app = start(x, "BenchTrust", "4242", bearerFile, "ingest", "1s");
            try {
                var checkpoints = app.getBean(CheckpointStore.class);
                // Warm-up, not timed: the JIT, and what the application still does in the background after its start.
                takeIn(x, checkpoints, tweets / 10, "warm-up");
                var started = System.nanoTime();
                takeIn(x, checkpoints, tweets, "patient");
                var seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "X intake into Kafka: %d tweets in %.1f s = %.0f tweets/s "
                                + "(from their appearing on the fake X, polled every 1 s, fetched in pages of 100, published "
                                + "with acks=all to a real broker, conversations in the Elasticsearch checkpoint index, "
                                + "until the since_id stood at the newest)%n",
                        tweets,
                        seconds,
                        tweets / seconds);
            } finally {
                app.close();
            }
        }
    }

    /** Puts tweets on the fake X and waits until the intake's since_id stands at the newest. */
    private static void takeIn(FakeX x, CheckpointStore checkpoints, int tweets, String who)
            throws InterruptedException {
        String newest = null;
        for (int i = 0; i < tweets; i++) {
            newest = x.mention(
                            who + (i % 5_000),
                            "@BenchTrust the wait in A&E on ward " + (i % 40)
                                    + " was four hours and nobody told us why (" + i + ")")
                    .id();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!newest.equals(checkpoints.read("twitter:@benchtrust:mentions").orElse(null))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The intake did not finish within 30 minutes");
            }
            Thread.sleep(20);
        }
    }

    private static void endToEndLatency(int paced, double perSecond, String bearerFile) throws Exception {
        try (var x = new FakeX("4343", "PacedTrust", Clock.systemUTC())) {
            var app = start(x, "PacedTrust", "4343", bearerFile, "ingest,triage", "1s");
            try {
                var index = app.getBean(MentionSearch.class);
                // Triage loads CoreNLP in the background: wait until one tweet went all the way.
                var warmUp = x.mention("warm_up", "@PacedTrust warming up");
                TaggedLatencies.awaitIndexed(
                        index,
                        MentionId.of(Channel.TWITTER, warmUp.id()).value(),
                        Duration.ofMinutes(10),
                        "The warm-up tweet");

                Map<String, Instant> onX = new ConcurrentHashMap<>();
                long interval = (long) (1_000_000_000L / perSecond);
                long start = System.nanoTime();
                for (int i = 0; i < paced; i++) {
                    long due = start + i * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    var tweet = x.mention(
                            "patient" + i,
                            "@PacedTrust my dad waited six hours on a trolley in A&E, "
                                    + "the staff were lovely but there were no beds (" + i + ")");
                    onX.put(MentionId.of(Channel.TWITTER, tweet.id()).value(), Instant.now());
                }
                double posting = (System.nanoTime() - start) / 1e9;

                long[] sorted = TaggedLatencies.untilTagged(index, onX, Duration.ofMinutes(15));
                System.out.printf(
                        Locale.ROOT,
                        "tweets appearing on X:            %d in %.1f s (%.0f/s asked)%n",
                        paced,
                        posting,
                        perSecond);
                System.out.printf(Locale.ROOT, "tagged and indexed:               %d of %d%n", sorted.length, paced);
                System.out.printf(
                        Locale.ROOT,
                        "on X -> tagged in Elasticsearch:  p50 %d ms, p95 %d ms, max %d ms%n",
                        TaggedLatencies.percentile(sorted, 50),
                        TaggedLatencies.percentile(sorted, 95),
                        TaggedLatencies.max(sorted));
                System.out.printf(
                        Locale.ROOT,
                        "(X is polled every 1 s, so about 0.5 s of each figure is waiting for the next poll)%n");
            } finally {
                app.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(
            FakeX x, String handle, String userId, String bearerFile, String roles, String pollInterval) {
        return new SpringApplicationBuilder(HeardApplication.class)
                .initializers(new HeardTestInfrastructure())
                .run(
                        "--server.port=0",
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
}
