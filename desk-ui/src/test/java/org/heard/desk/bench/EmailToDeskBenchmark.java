package org.heard.desk.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.HeardApplication;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.mentions.MentionSearch;
import org.heard.platform.testing.HeardTestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Not a test: the whole path from a mailbox to the desk. Starts Heard (ingest + triage + desk)
 * against a real Kafka broker and Elasticsearch node, delivers N emails into a real IMAP mailbox
 * (GreenMail) at a steady rate, and measures for each the time from delivery until triage had
 * tagged it (its {@code triagedAt}; it is searchable once that batch's bulk write returns), and the
 * time until all N are searchable in the desk.
 *
 * <pre>
 * ./mvnw -q -pl desk-ui -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * cd desk-ui   # the desk runs in development mode here and writes Vaadin's frontend files into the working directory
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) \
 *      org.heard.desk.bench.EmailToDeskBenchmark [emails=1000] [per-second=20]
 * </pre>
 */
public final class EmailToDeskBenchmark {

    public static void main(String[] args) throws Exception {
        int emails = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        String address = "feedback@bench.heard.localhost";

        var greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        greenMail.start();
        var user = greenMail.setUser(address, address, "bench-secret");

        var app = new SpringApplicationBuilder(HeardApplication.class)
                .initializers(new HeardTestInfrastructure())
                .run(
                        "--server.port=0",
                        "--heard.channel.email.embedded.enabled=false",
                        "--heard.channel.email.mailboxes[0].address=" + address,
                        "--heard.channel.email.mailboxes[0].password=bench-secret",
                        "--heard.channel.email.mailboxes[0].imap.host=127.0.0.1",
                        "--heard.channel.email.mailboxes[0].imap.port="
                                + greenMail.getImap().getPort(),
                        "--heard.channel.email.mailboxes[0].imap.security=NONE",
                        "--heard.channel.email.mailboxes[0].smtp.host=127.0.0.1",
                        "--heard.channel.email.mailboxes[0].smtp.port="
                                + greenMail.getSmtp().getPort(),
                        "--heard.channel.email.mailboxes[0].smtp.security=NONE",
                        "--heard.channel.email.mailboxes[0].idle=true",
                        "--heard.channel.email.mailboxes[0].poll-interval=30s");
        var index = app.getBean(MentionSearch.class);
        try {
            String run = Long.toString(System.currentTimeMillis(), 36);
            // Warm up: the triage models load in the background; wait until one email has gone through.
            deliver(user, run + "-warmup", address);
            TaggedLatencies.awaitIndexed(
                    index,
                    MentionId.of(Channel.EMAIL, "<" + run + "-warmup@bench>").value(),
                    Duration.ofMinutes(5),
                    "The warm-up email");

            Map<String, Instant> sentAt = new ConcurrentHashMap<>();
            long interval = (long) (1_000_000_000L / perSecond);
            long start = System.nanoTime();
            for (int i = 0; i < emails; i++) {
                long due = start + i * interval;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                String id = run + "-" + i;
                sentAt.put(MentionId.of(Channel.EMAIL, "<" + id + "@bench>").value(), Instant.now());
                deliver(user, id, address);
            }
            double delivering = (System.nanoTime() - start) / 1e9;

            long[] sorted = TaggedLatencies.untilTagged(index, sentAt, Duration.ofMinutes(15));
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "emails delivered to the mailbox: %d in %.1f s (%.1f/s asked)%n", emails, delivering, perSecond);
            System.out.printf(
                    "in the desk (searchable):        %d of %d, all within %.1f s of the first delivery%n",
                    sorted.length, emails, total);
            System.out.printf(
                    "delivery -> tagged by triage:     p50 %d ms, p95 %d ms, max %d ms%n",
                    TaggedLatencies.percentile(sorted, 50),
                    TaggedLatencies.percentile(sorted, 95),
                    TaggedLatencies.max(sorted));
            System.out.printf(
                    "(the mailbox is watched with IMAP IDLE; a tagged batch is searchable when its bulk write returns)%n");
            System.out.printf(
                    "machine: %d cores, load average %.1f at the end (other work on the machine included)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getAvailableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        } finally {
            app.close();
            greenMail.stop();
        }
        System.exit(0);
    }

    private static void deliver(com.icegreen.greenmail.user.GreenMailUser user, String id, String to) throws Exception {
        String raw = "From: Patient " + id + " <patient-" + id + "@example.org>\r\n"
                + "To: " + to + "\r\n"
                + "Subject: Ward 7 last night\r\n"
                + "Message-ID: <" + id + "@bench>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "My mum was on ward 7 last night. The nurses were kind but nobody came when she rang the bell "
                + "for over an hour, and she was in pain. Please can someone look into this. (" + id + ")\r\n";
        user.deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }
}
