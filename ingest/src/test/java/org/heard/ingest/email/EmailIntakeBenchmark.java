package org.heard.ingest.email;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.TestKafka;

/**
 * Not a test: the email intake from a real IMAP server (GreenMail, in this JVM) to a real Kafka
 * broker (the test harness's), as the application runs it: the mailbox watched with IMAP IDLE
 * through Spring Integration Mail, each email parsed, published, acknowledged by Kafka (acks=all)
 * and only then marked processed on the server.
 *
 * <ol>
 *   <li>Backlog: N emails are waiting when the watcher starts; prints the throughput mailbox to
 *       Kafka and how long each waited for its acknowledgement since the start (median, p95).
 *   <li>Live: M more are delivered at R per second while the watcher idles; prints delivery to
 *       Kafka acknowledgement per email (median, p95).
 * </ol>
 *
 * <pre>
 * ./mvnw -q -pl ingest -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/cp.txt)" \
 *     org.heard.ingest.email.EmailIntakeBenchmark [backlog=10000] [live=1000] [per-second=50] [flag|move]
 * </pre>
 */
public final class EmailIntakeBenchmark {

    private static final Duration LIMIT = Duration.ofMinutes(20);

    private EmailIntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int live = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 50;
        var processed = args.length > 3 && args[3].equalsIgnoreCase("move")
                ? new EmailSettings.Processed(EmailSettings.Processed.Mode.MOVE, "Heard/Processed")
                : EmailSettings.Processed.flag();
        var os = ManagementFactory.getOperatingSystemMXBean();
        TestKafka.createTopics(Topics.MENTIONS.name(), Topics.DEAD_LETTERS.name());

        Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        try (var server = new MailServer("feedback@trust.nhs.uk");
                var kafka = new KafkaPublisher();
                ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor()) {
            EventPublisher timing = new EventPublisher() {
                @Override
                public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                    return kafka.publish(topic, record).thenRun(() -> {
                        if (record instanceof MentionReceived mention) {
                            acknowledgedAt.putIfAbsent(mention.attributes().get("messageId"), System.nanoTime());
                        }
                    });
                }
            };
            var m = server.mailbox;
            var idling = new EmailSettings.Mailbox(
                    m.address(),
                    null,
                    m.imap(),
                    m.smtp(),
                    null,
                    MailServer.PASSWORD,
                    null,
                    null,
                    null,
                    processed,
                    null,
                    null,
                    null,
                    null,
                    Duration.ofSeconds(30),
                    true,
                    null);
            var index = new MailIndex(new InMemoryCheckpointStore());
            var intake = new MailboxIntake(
                    idling,
                    new EmailMentions(index, Clock.systemUTC()),
                    index,
                    timing,
                    Clock.systemUTC(),
                    Duration.ofSeconds(30),
                    AcceptedMail.NONE);
            var watcher =
                    new MailboxWatcher(idling, intake, new MailboxHealth(m.address()), scheduler, Clock.systemUTC());

            long deliverStart = System.nanoTime();
            for (int n = 0; n < backlog; n++) {
                server.deliver(email("backlog-" + n));
            }
            double deliverSeconds = seconds(System.nanoTime() - deliverStart);
            System.out.printf(
                    "machine: %d cores, load average %.1f before the run%n",
                    os.getAvailableProcessors(), os.getSystemLoadAverage());
            System.out.printf("backlog delivered to IMAP: %d in %.1f s%n", backlog, deliverSeconds);

            long cpuAtStart = processCpu(os);
            long start = System.nanoTime();
            watcher.start();
            try {
                awaitAll(acknowledgedAt, backlog);
                long[] waited = acknowledgedAt.values().stream()
                        .mapToLong(t -> t - start)
                        .sorted()
                        .toArray();
                double took = seconds(waited[waited.length - 1]);
                System.out.printf(
                        "backlog mailbox -> Kafka ack:  %d in %.1f s = %.0f emails/s (IMAP IDLE watcher, acks=all, processed: %s)%n",
                        waited.length, took, waited.length / took, processed.mode());
                System.out.printf(
                        "backlog wait since start:      median %.1f s, p95 %.1f s%n",
                        seconds(percentile(waited, 50)), seconds(percentile(waited, 95)));
                System.out.printf(
                        "CPU this JVM got meanwhile (GreenMail, intake and broker share it): %.1f s of %.1f s elapsed%n",
                        seconds(processCpu(os) - cpuAtStart), took);

                Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
                long interval = (long) (1e9 / perSecond);
                long liveStart = System.nanoTime();
                for (int n = 0; n < live; n++) {
                    long due = liveStart + n * interval;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    deliveredAt.put("<live-" + n + "@example.org>", System.nanoTime());
                    server.deliver(email("live-" + n));
                }
                awaitAll(acknowledgedAt, backlog + live);
                long[] latency = deliveredAt.entrySet().stream()
                        .mapToLong(e -> acknowledgedAt.get(e.getKey()) - e.getValue())
                        .sorted()
                        .toArray();
                System.out.printf(
                        "live: %d delivered at %.0f/s; delivery -> Kafka ack: median %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        live,
                        perSecond,
                        percentile(latency, 50) / 1e6,
                        percentile(latency, 95) / 1e6,
                        latency.length == 0 ? 0 : latency[latency.length - 1] / 1e6);
                System.out.printf("machine load average after the run: %.1f%n", os.getSystemLoadAverage());
            } finally {
                watcher.stop();
            }
        }
        System.exit(0);
    }

    private static void awaitAll(Map<String, Long> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only " + acknowledged.size() + " of " + count + " reached Kafka within " + LIMIT);
            }
            Thread.sleep(20);
        }
    }

    /** On a shared machine the elapsed time says as much about the neighbours as about us. */
    private static long processCpu(java.lang.management.OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static byte[] email(String id) {
        return ("From: Patient <patient-" + id + "@example.org>\r\nTo: feedback@trust.nhs.uk\r\n"
                        + "Subject: Ward 5\r\nMessage-ID: <" + id + "@example.org>\r\n"
                        + "Date: Mon, 3 Nov 2025 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "The staff on the ward were kind but the discharge took all day. (" + id + ")\r\n\r\n"
                        + "On Sun, 2 Nov 2025, Ward 5 wrote:\r\n> Thank you for your feedback.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
