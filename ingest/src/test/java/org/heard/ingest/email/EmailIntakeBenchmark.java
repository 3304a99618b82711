package org.heard.ingest.email;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;

/**
 * Not a test: delivers N emails to a real IMAP server (GreenMail, in this JVM) and measures how
 * fast the intake takes them from the mailbox to the publisher (parse, publish, wait for the ack,
 * mark processed on the server). The publisher acknowledges at once, so this is the email side's
 * ceiling; Kafka and Elasticsearch latency come on top (the integrator's end-to-end benchmark).
 *
 * <pre>
 * ./mvnw -q -pl ingest -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/cp.txt)" \
 *     org.heard.ingest.email.EmailIntakeBenchmark 10000
 * </pre>
 */
public final class EmailIntakeBenchmark {

    private EmailIntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (var server = new MailServer("feedback@trust.nhs.uk");
                ScheduledExecutorService wakeups = Executors.newSingleThreadScheduledExecutor()) {
            long deliverStart = System.nanoTime();
            for (int n = 0; n < count; n++) {
                server.deliver(email(n));
            }
            double deliverSeconds = (System.nanoTime() - deliverStart) / 1e9;

            long[] handled = new long[count];
            var published = new AtomicInteger();
            EventPublisher acknowledging = new EventPublisher() {
                @Override
                public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                    int i = published.getAndIncrement();
                    if (i < handled.length) {
                        handled[i] = System.nanoTime();
                    }
                    return CompletableFuture.completedFuture(null);
                }
            };
            var index = new MailIndex(new InMemoryCheckpointStore());
            var health = new MailboxHealth(server.mailbox.address());
            var intake = new MailboxIntake(server.mailbox, new EmailReader(index, Clock.systemUTC()), index, acknowledging,
                    Clock.systemUTC(), Duration.ofSeconds(30));
            var watcher = new MailboxWatcher(server.mailbox, intake, health, wakeups, Clock.systemUTC());

            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long drainStart = System.nanoTime();
            int taken = watcher.drainOnce();
            long drainEnd = System.nanoTime();
            double intakeCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double drainSeconds = (drainEnd - drainStart) / 1e9;

            long[] gaps = new long[Math.max(0, Math.min(published.get(), count) - 1)];
            for (int i = 1; i <= gaps.length; i++) {
                gaps[i - 1] = handled[i] - handled[i - 1];
            }
            Arrays.sort(gaps);
            long[] sinceStart = Arrays.stream(handled, 0, Math.min(published.get(), count)).map(t -> t - drainStart).sorted().toArray();

            System.out.printf("emails delivered to IMAP:      %d in %.1f s%n", count, deliverSeconds);
            System.out.printf("taken in (mailbox->publisher): %d in %.1f s = %.0f emails/s%n", taken, drainSeconds, taken / drainSeconds);
            System.out.printf("intake's own CPU (parse, publish, IMAP client): %.1f s = %.2f ms per email; the rest is the IMAP server%n",
                    intakeCpuSeconds, intakeCpuSeconds * 1000 / Math.max(1, taken));
            System.out.printf("per email (publish to publish): median %.2f ms, p95 %.2f ms%n", percentile(gaps, 50) / 1e6,
                    percentile(gaps, 95) / 1e6);
            System.out.printf("wait from drain start to publish (backlog): median %.1f s, p95 %.1f s%n",
                    percentile(sinceStart, 50) / 1e9, percentile(sinceStart, 95) / 1e9);
        }
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static byte[] email(int n) {
        return ("From: Patient " + n + " <patient" + n + "@example.org>\r\nTo: feedback@trust.nhs.uk\r\n"
                        + "Subject: Visit " + n + "\r\nMessage-ID: <bench-" + n + "@example.org>\r\n"
                        + "Date: Mon, 3 Nov 2025 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "The staff on the ward were kind but the discharge took all day. Message " + n + ".\r\n\r\n"
                        + "On Sun, 2 Nov 2025, Ward 5 wrote:\r\n> Thank you for your feedback.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
