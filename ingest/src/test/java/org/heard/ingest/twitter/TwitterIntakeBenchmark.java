package org.heard.ingest.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.secrets.Secret;
import org.heard.platform.testing.MutableClock;

/**
 * Intake throughput: {@code count} mentions waiting on the fake X (a backlog after an outage), one
 * poll takes them all in, and the figures are printed. The publisher acknowledges at once, so this
 * measures fetching, parsing, threading and checkpointing, not Kafka (the integrator adds the
 * end-to-end run to Elasticsearch).
 *
 * <pre>
 * ./mvnw -q -pl ingest -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/test-classpath.txt) \
 *     org.heard.ingest.twitter.TwitterIntakeBenchmark [count] [v2|v1]
 * </pre>
 */
public final class TwitterIntakeBenchmark {

    private TwitterIntakeBenchmark() {}

    public static void main(String[] args) {
        var count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var api = args.length > 1 ? ApiVersion.valueOf(args[1].toUpperCase(Locale.ROOT)) : ApiVersion.V2;
        var clock = new MutableClock(Instant.now());
        try (var x = new FakeX(XHarness.OWN_ID, XHarness.HANDLE, clock)) {
            for (int i = 0; i < count; i++) {
                x.mention(
                        "patient" + (i % 5_000),
                        "@StMaryTrust waited " + i + " minutes in A&E, the staff were kind though");
            }
            var mentions = new AtomicLong();
            var other = new AtomicLong();
            EventPublisher publisher = new EventPublisher() {
                @Override
                public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                    (topic.equals(Topics.MENTIONS) ? mentions : other).incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
            };
            var account = new Account(
                    XHarness.HANDLE,
                    XHarness.OWN_ID,
                    api,
                    api == ApiVersion.V2 ? x.v2BaseUrl() : x.v1BaseUrl(),
                    List.of(),
                    false,
                    true,
                    new Secret("env:X_BEARER"),
                    new Secret("env:X_CONSUMER_KEY"),
                    new Secret("env:X_CONSUMER_SECRET"),
                    new Secret("env:X_ACCESS_TOKEN"),
                    new Secret("env:X_ACCESS_TOKEN_SECRET"),
                    null);
            var settings = new TwitterSettings(
                    true,
                    List.of(account),
                    Duration.ofMinutes(1),
                    Duration.ofDays(7),
                    Duration.ofSeconds(30),
                    10,
                    null);
            var channel = new TwitterChannel(
                    settings,
                    publisher,
                    new MemoryCheckpoints(),
                    clock,
                    XHarness.ENVIRONMENT,
                    TwitterChannel.realApis(settings, clock));

            var started = System.nanoTime();
            channel.pollAll();
            var seconds = (System.nanoTime() - started) / 1e9;

            var requests = x.requests.size();
            System.out.printf(
                    Locale.ROOT,
                    "X intake (%s) against the fake X: %d tweets in %.2f s = %.0f tweets/s into the publisher "
                            + "(%d HTTP requests, %d other records, status %s)%n",
                    api,
                    mentions.get(),
                    seconds,
                    mentions.get() / seconds,
                    requests,
                    other.get(),
                    channel.connectors().getFirst().status().inbound());
            if (mentions.get() != count) {
                throw new IllegalStateException("Expected " + count + " mentions, published " + mentions.get());
            }
        }
    }
}
