package org.heard.desk.bench;

import com.microsoft.playwright.Page;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.HeardApplication;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Topics;
import org.heard.desk.Browser;
import org.heard.desk.inbox.MentionFeed;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Not a test: where the time goes between an email and an open inbox, hop by hop, on the embedded
 * default (Heard's own Kafka broker, Elasticsearch node and mail server, nothing configured but
 * ports and one login). Opens the inbox in Chromium, then sends {@code emails} emails one at a time
 * over SMTP to the demo mailbox, each when the one before is on screen and a pause of 1–3 s has
 * passed (so each finds the pipeline idle, as a single email does), and times each from the
 * system's own marks:
 *
 * <ol>
 *   <li>accepted: the embedded SMTP server answered 250 (the mail is spooled on disk);
 *   <li>read from IMAP: the mention's {@code receivedAt} (the intake read it from the mailbox);
 *   <li>on Kafka: the timestamp of its {@code mention.received} record (the intake published it);
 *   <li>triaged: the tags' {@code triagedAt} (triage had the tags, before writing them);
 *   <li>indexed: the timestamp of its {@code mention.triaged} record (triage announces a mention
 *       only once the mention index's bulk write returned, searchable);
 *   <li>desk told: the desk's live feed ({@link MentionFeed}) handed the announcement to its listeners;
 *   <li>on screen: the open inbox's page had the email's row in its DOM (a MutationObserver's clock).
 * </ol>
 *
 * The very first email after the start is timed the same way and shown on its own line. The
 * benchmark reads both topics with a consumer of its own (no group) to see the records' timestamps.
 *
 * <pre>
 * bash desk-ui/src/test/bench/email-hops-benchmark.sh [emails=30] [first-port=18480]
 * </pre>
 */
public final class EmailHopsBenchmark {

    private static final String ADDRESS = "feedback@heard.localhost";
    private static final Pattern TOKEN = Pattern.compile("hop-[a-z0-9]+-\\d+");
    private static final Duration ON_SCREEN_WITHIN = Duration.ofSeconds(60);

    /** The marks of one email, in the order it passes them (epoch milliseconds; 0 until seen). */
    private static final class Marks {
        volatile long sendStarted;
        volatile long accepted;
        volatile long readFromImap;
        volatile long onKafka;
        volatile long triaged;
        volatile long indexed;
        volatile long deskTold;
        volatile long onScreen;

        long[] hops() {
            return new long[] {
                readFromImap - accepted,
                onKafka - readFromImap,
                triaged - onKafka,
                indexed - triaged,
                deskTold - indexed,
                onScreen - deskTold,
                onScreen - accepted
            };
        }

        boolean complete() {
            return accepted > 0
                    && readFromImap > 0
                    && onKafka > 0
                    && triaged > 0
                    && indexed > 0
                    && deskTold > 0
                    && onScreen > 0;
        }
    }

    private static final String[] HOPS = {
        "accepted (SMTP 250) -> read from IMAP",
        "read from IMAP -> on Kafka (received)",
        "on Kafka -> triaged (tags ready)",
        "triaged -> indexed + announced",
        "announced -> desk's live feed told",
        "desk told -> on screen (inbox row)",
        "TOTAL accepted -> on screen"
    };

    public static void main(String[] args) throws Exception {
        int emails = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int firstPort = args.length > 1 ? Integer.parseInt(args[1]) : 18480;
        if (emails < 1 || emails > 45) {
            // The inbox shows 50 rows before "more"; a newer email waits least, so it is last.
            throw new IllegalArgumentException("emails must be 1-45: the open inbox shows the first 50 of its queue");
        }
        int http = firstPort;
        int smtp = firstPort + 1;
        int imap = firstPort + 2;
        int kafka = firstPort + 3;
        String loadBefore = load();

        // A fresh data directory each run; others may enter it (Elasticsearch runs as 'nobody' when this runs as root).
        Path data =
                Files.createDirectories(Path.of("target", "hops-bench-" + Long.toString(System.currentTimeMillis(), 36))
                        .toAbsolutePath());
        Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        long starting = System.currentTimeMillis();
        var app = new SpringApplicationBuilder(HeardApplication.class)
                .run(
                        "--server.port=" + http,
                        "--heard.data-dir=" + data,
                        "--heard.embedded.kafka.port=" + kafka,
                        "--heard.embedded.kafka.controller-port=" + (firstPort + 4),
                        "--heard.embedded.elasticsearch.port=" + (firstPort + 5),
                        // Unpacked once for every run of this benchmark, not once per data directory.
                        "--heard.embedded.elasticsearch.distribution-dir="
                                + Path.of("target/bench-elasticsearch-dist").toAbsolutePath(),
                        "--heard.channel.email.embedded.smtp-port=" + smtp,
                        "--heard.channel.email.embedded.imap-port=" + imap,
                        "--heard.security.users[0].username=bench",
                        "--heard.security.users[0].password-hash={noop}bench",
                        "--heard.security.users[0].display-name=Bench Responder",
                        "--heard.security.users[0].roles=RESPONDER",
                        "--vaadin.devmode.devTools.enabled=false");
        System.out.printf(
                "desk started in %.1f s (embedded Kafka, Elasticsearch and mail server; data in %s)%n",
                (System.currentTimeMillis() - starting) / 1e3, data);

        Map<String, Marks> marks = new ConcurrentHashMap<>();
        Map<String, String> tokenOfMention = new ConcurrentHashMap<>();
        app.getBean(MentionFeed.class).subscribe(triaged -> {
            long now = System.currentTimeMillis();
            String token = tokenOfMention.get(triaged.mentionId().value());
            if (token != null && marks.containsKey(token)) {
                marks.get(token).deskTold = now;
            }
        });
        var topics = new TopicReader("127.0.0.1:" + kafka, marks, tokenOfMention);
        var reader = Thread.ofPlatform().daemon().name("hops-bench-topics").start(topics);

        String run = Long.toString(System.currentTimeMillis(), 36);
        var random = new Random(8);
        try (var browser = Browser.start()) {
            Page inbox = browser.loggedIn("http://localhost:" + http, "bench", "bench");
            inbox.locator("#inbox").waitFor();
            inbox.evaluate("""
                    () => {
                      window.heardSeen = {};
                      window.heardWatched = [];
                      new MutationObserver(() => {
                        const now = performance.timeOrigin + performance.now();
                        const text = document.body.textContent;
                        for (const token of window.heardWatched) {
                          if (!(token in window.heardSeen) && text.includes(token)) {
                            window.heardSeen[token] = now;
                          }
                        }
                      }).observe(document.body, {childList: true, subtree: true, characterData: true});
                    }""");
            topics.awaitAssigned();

            Marks first = send(inbox, smtp, run + "-0", marks);
            var timed = new ArrayList<Marks>();
            for (int i = 1; i <= emails; i++) {
                Thread.sleep(1000 + random.nextInt(2000));
                timed.add(send(inbox, smtp, run + "-" + i, marks));
            }
            // The last marks (the desk's feed, the topics) may trail the screen by a few milliseconds.
            Thread.sleep(500);

            System.out.printf("%n%d emails, one at a time, to the embedded demo mailbox; times in ms%n", emails);
            System.out.printf("%-40s %7s %7s %7s %7s%n", "hop", "p50", "p95", "max", "mean");
            var complete = timed.stream().filter(Marks::complete).toList();
            for (int hop = 0; hop < HOPS.length; hop++) {
                final int h = hop;
                long[] sorted =
                        complete.stream().mapToLong(m -> m.hops()[h]).sorted().toArray();
                System.out.printf(
                        "%-40s %7d %7d %7d %7.0f%n",
                        HOPS[hop],
                        TaggedLatencies.percentile(sorted, 50),
                        TaggedLatencies.percentile(sorted, 95),
                        TaggedLatencies.max(sorted),
                        java.util.Arrays.stream(sorted).average().orElse(-1));
            }
            long[] smtpTimes = complete.stream()
                    .mapToLong(m -> m.accepted - m.sendStarted)
                    .sorted()
                    .toArray();
            System.out.printf(
                    "%-40s %7d %7d %7d%n",
                    "(SMTP transaction: connect -> 250)",
                    TaggedLatencies.percentile(smtpTimes, 50),
                    TaggedLatencies.percentile(smtpTimes, 95),
                    TaggedLatencies.max(smtpTimes));
            System.out.printf(
                    "complete: %d of %d (an email not on screen within %d s, or a mark missing, is left out)%n",
                    complete.size(), emails, ON_SCREEN_WITHIN.toSeconds());
            System.out.printf(
                    "first email after the start: %s%n",
                    first.complete() ? describe(first) : "incomplete: " + describe(first));
            System.out.printf(
                    "load average before: %s; after: %s (2 cores; other work on the machine included)%n",
                    loadBefore, load());
            inbox.context().close();
        } finally {
            topics.stop();
            reader.join(5000);
            app.close();
        }
        System.exit(0);
    }

    /** Sends one email and waits until the open inbox shows it (or gives up after a minute). */
    private static Marks send(Page inbox, int smtpPort, String id, Map<String, Marks> marks) throws Exception {
        String token = "hop-" + id;
        var mark = new Marks();
        marks.put(token, mark);
        inbox.evaluate("token => window.heardWatched.push(token)", token);

        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        var message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + token + "@bench.heard.localhost>");
            }
        };
        message.setFrom(new InternetAddress("patient-" + id + "@example.org", "Patient " + id));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(ADDRESS));
        message.setSubject("Ward 7 last night " + token);
        message.setText(
                token + ": my mum was on ward 7 last night. The nurses were kind but nobody came when she rang the "
                        + "bell for over an hour, and she was in pain. Please can someone look into this.",
                "UTF-8");
        mark.sendStarted = System.currentTimeMillis();
        Transport.send(message);
        mark.accepted = System.currentTimeMillis();

        try {
            Object seen = inbox.waitForFunction(
                            "token => window.heardSeen[token]",
                            token,
                            new Page.WaitForFunctionOptions()
                                    .setPollingInterval(20)
                                    .setTimeout(ON_SCREEN_WITHIN.toMillis()))
                    .jsonValue();
            mark.onScreen = Math.round(((Number) seen).doubleValue());
        } catch (com.microsoft.playwright.TimeoutError e) {
            System.out.printf("%s: not on screen within %d s%n", token, ON_SCREEN_WITHIN.toSeconds());
        }
        return mark;
    }

    private static String describe(Marks m) {
        long[] hops = m.hops();
        var parts = new ArrayList<String>();
        for (int i = 0; i < hops.length; i++) {
            parts.add(HOPS[i].replaceAll(" \\(.*?\\)", "") + " " + hops[i] + " ms");
        }
        return String.join("; ", parts);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * Reads both topics from their ends (no consumer group: nothing of the desk's is disturbed) and
     * notes each benchmark email's record timestamps, {@code receivedAt} and {@code triagedAt}.
     */
    private static final class TopicReader implements Runnable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Marks> marks;
        private final Map<String, String> tokenOfMention;
        private final java.util.concurrent.CountDownLatch assigned = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean running = true;

        TopicReader(String bootstrap, Map<String, Marks> marks, Map<String, String> tokenOfMention) {
            this.consumer = new KafkaConsumer<>(
                    Map.of("bootstrap.servers", bootstrap), new StringDeserializer(), new ByteArrayDeserializer());
            this.marks = marks;
            this.tokenOfMention = tokenOfMention;
        }

        void awaitAssigned() throws InterruptedException {
            if (!assigned.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the benchmark could not read the mention topics");
            }
        }

        void stop() {
            running = false;
            consumer.wakeup();
        }

        @Override
        public void run() {
            try (consumer) {
                var partitions = new ArrayList<TopicPartition>();
                for (String topic : List.of(Topics.MENTIONS.name(), Topics.TRIAGED.name())) {
                    while (consumer.partitionsFor(topic, Duration.ofSeconds(10)).isEmpty()) {
                        Thread.sleep(200);
                    }
                    consumer.partitionsFor(topic)
                            .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        note(record);
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                // stopped
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void note(ConsumerRecord<String, byte[]> record) {
            try {
                if (record.topic().equals(Topics.MENTIONS.name())) {
                    var received = DeskJson.read(record.value(), MentionReceived.class);
                    var token = TOKEN.matcher(received.subject() + " " + received.text());
                    if (token.find() && marks.containsKey(token.group())) {
                        tokenOfMention.put(received.mentionId().value(), token.group());
                        var mark = marks.get(token.group());
                        mark.readFromImap = received.receivedAt().toEpochMilli();
                        mark.onKafka = record.timestamp();
                    }
                } else {
                    var triaged = DeskJson.read(record.value(), MentionTriaged.class);
                    String token = tokenOfMention.get(triaged.mentionId().value());
                    if (token != null) {
                        var mark = marks.get(token);
                        mark.triaged = triaged.triagedAt().toEpochMilli();
                        mark.indexed = record.timestamp();
                    }
                }
            } catch (DeskJson.UnreadableRecord e) {
                // not one of ours
            }
        }
    }

    private EmailHopsBenchmark() {}
}
