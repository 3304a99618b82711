package org.heard.ingest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The email channel's reliability, on the embedded default, with an ingest node as a child JVM
 * against a real Kafka broker and Elasticsearch node (issue #16). Not part of {@code verify}: it
 * sends a thousand emails and some very large ones. Run it with
 *
 * <pre>
 * ./mvnw -B -ntp -pl ingest -am verify -Preliability
 * </pre>
 *
 * (docs/reliability.md).
 * It prints its figures (and the machine's load) and writes them to {@code ingest/target/reliability-figures.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmailReliabilityCheck {

    private static final int BURST = 1_000;
    private static final int KILL_AFTER_ACCEPTED = 400;
    private static final int SENDERS = 4;
    private static final int SMTP_PORT = 28081;
    private static final int IMAP_PORT = 28082;
    private static final String MAILBOX = "feedback@heard.localhost";
    private static final Duration ALL_IN_WITHIN = Duration.ofMinutes(6);
    private static final Duration ONE_HOSTILE_WITHIN = Duration.ofMinutes(3);

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final List<String> figures = new CopyOnWriteArrayList<>();
    private static final Map<Integer, MimeMessage> written = new ConcurrentHashMap<>();
    private static Path directory;
    private static TopicWatch topics;
    private static NodeProcess node;
    private static int nodes;

    @BeforeAll
    static void startTheNode() throws Exception {
        directory = Files.createTempDirectory("heard-reliability");
        TestKafka.createTopics(Topics.all().stream().map(topic -> topic.name()).toArray(String[]::new));
        topics = new TopicWatch();
        node = startNode();
        figure("run " + RUN + ", data in " + directory + "; load at start: " + load());
    }

    @AfterAll
    static void stopTheNode() throws IOException {
        if (node != null) {
            node.close();
        }
        if (topics != null) {
            topics.close();
        }
        Path out = Path.of("target", "reliability-figures.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures);
        System.out.println("EmailReliabilityCheck figures (also in " + out.toAbsolutePath() + "):");
        figures.forEach(line -> System.out.println("  " + line));
    }

    private static NodeProcess startNode() {
        nodes++;
        long started = System.nanoTime();
        var started1 = NodeProcess.start(
                directory.resolve("node-" + nodes + ".log"),
                List.of(
                        "--heard.roles=ingest",
                        "--heard.data-dir=" + directory.resolve("data"),
                        "--server.port=28080",
                        "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "--spring.kafka.producer.acks=all",
                        "--spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                        "--spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                        "--spring.kafka.producer.properties.enable.idempotence=true",
                        "--spring.kafka.producer.properties.linger.ms=5",
                        "--spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "--spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                        "--spring.kafka.consumer.auto-offset-reset=earliest",
                        "--spring.kafka.consumer.enable-auto-commit=false",
                        "--spring.kafka.listener.missing-topics-fatal=false",
                        "--spring.elasticsearch.uris=" + TestElasticsearch.uri(),
                        "--spring.elasticsearch.username=" + TestElasticsearch.username(),
                        "--spring.elasticsearch.password=" + TestElasticsearch.password(),
                        "--heard.channel.email.embedded.smtp-port=" + SMTP_PORT,
                        "--heard.channel.email.embedded.imap-port=" + IMAP_PORT,
                        "--logging.level.org.apache.kafka=WARN"));
        started1.awaitLog("on SMTP 127.0.0.1:" + SMTP_PORT, Duration.ofMinutes(3))
                .awaitLog("watching INBOX", Duration.ofMinutes(2));
        figure("ingest node " + nodes + " (pid " + started1.pid() + ") up in " + seconds(started) + " s");
        return started1;
    }

    /**
     * A thousand patients write at once; the node is killed (SIGKILL) in the middle. Every email the
     * server said 250 to must be a mention, once; those refused while it was down are sent again
     * after it is back, as a sending mail server would.
     */
    @Test
    @Order(1)
    void everyEmailAcceptedDuringABurstWithAKillIsTakenInExactlyOnce() throws Exception {
        var accepted = ConcurrentHashMap.<Integer>newKeySet();
        var refused = ConcurrentHashMap.<Integer>newKeySet();
        var next = new AtomicInteger();
        var killed = new AtomicBoolean();
        long burstStarted = System.nanoTime();
        var senders = IntStream.range(0, SENDERS)
                .mapToObj(i -> Thread.ofPlatform().name("patients-" + i).start(() -> {
                    for (int n = next.getAndIncrement(); n < BURST; n = next.getAndIncrement()) {
                        (send(patientEmail(n)) ? accepted : refused).add(n);
                    }
                }))
                .toList();
        await().atMost(Duration.ofMinutes(3)).until(() -> accepted.size() >= KILL_AFTER_ACCEPTED);
        int mentionsBeforeTheKill = topics.burstMentions().size();
        node.kill();
        killed.set(true);
        int acceptedAtTheKill = accepted.size();
        figure("burst: node killed (SIGKILL) after " + acceptedAtTheKill + " emails accepted, " + seconds(burstStarted)
                + " s into the burst; " + mentionsBeforeTheKill + " of them were on Kafka then; spool held "
                + spooled() + " files");
        for (var sender : senders) {
            sender.join();
        }
        figure("burst: " + accepted.size() + " accepted (250), " + refused.size() + " refused while the node was down");

        node = startNode();
        long resent = System.nanoTime();
        for (int n : Set.copyOf(refused)) {
            assertThat(send(patientEmail(n)))
                    .as("email " + n + " sent again after the restart")
                    .isTrue();
            accepted.add(n);
            refused.remove(n);
        }
        assertThat(accepted).hasSize(BURST);

        await().atMost(ALL_IN_WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> topics.burstMentions().keySet().size() == BURST);
        figure("burst: all " + BURST + " on Kafka " + seconds(resent) + " s after the restart (" + seconds(burstStarted)
                + " s after the first email)");

        Map<Integer, Set<String>> idsByEmail = topics.burstMentions();
        assertThat(idsByEmail.keySet()).as("emails with a mention").containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(idsByEmail.values())
                .as("one mention id per email, also for those without a Message-ID")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        int records = topics.burstRecords();
        figure("burst: " + BURST + " emails, " + BURST + " distinct mentions (" + (BURST / 10)
                + " without a Message-ID), "
                + records + " records on heard.mentions.v1 (" + (records - BURST) + " published again after the crash, "
                + "same ids: the index keeps one each); lost: 0, doubled: 0");
        await().atMost(Duration.ofMinutes(1)).until(() -> spooled() == 0);
        figure("burst: spool empty again once everything was taken in; load now " + load());
    }

    /**
     * Each hostile email, followed by an ordinary one: it must become a mention or a dead letter within
     * a bounded time, and the ordinary email after it must still come through.
     */
    @Test
    @Order(2)
    void everyHostileEmailBecomesAMentionOrADeadLetterAndTheNextEmailStillComesThrough() throws Exception {
        var results = new LinkedHashMap<String, String>();
        for (var hostile : HostileEmails.all(RUN, MAILBOX).entrySet()) {
            String name = hostile.getKey();
            long sent = System.nanoTime();
            assertThat(sendRaw(hostile.getValue()))
                    .as(name + " accepted by SMTP")
                    .isTrue();
            assertThat(send(canary(name))).as("the email after " + name).isTrue();
            String outcome = await(name)
                    .atMost(ONE_HOSTILE_WITHIN)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> topics.outcomeOf(HostileEmails.messageId(RUN, name)), found -> found != null);
            double took = seconds(sent);
            assertThat(outcome).as(name + ": what the desk shows").doesNotContain(CONTROL_SHOWN);
            await("the email after " + name)
                    .atMost(ONE_HOSTILE_WITHIN)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> topics.outcomeOf(canaryId(name)) != null);
            results.put(name, outcome + " in " + took + " s; the email after it " + seconds(sent) + " s after");
        }
        results.forEach(
                (name, outcome) -> figure("hostile: " + name + " (" + HostileEmails.sizeOf(name) + ") -> " + outcome));
        figure("hostile: " + results.size()
                + " inputs tried, every one a mention or a dead letter, none held up the next; load " + load());
    }

    // ---- sending

    /**
     * Each patient's email is written once: one sent again after a refusal (or after a 250 the crash
     * swallowed) is the same bytes, as a sending mail server's queue would send again.
     */
    private static MimeMessage patientEmail(int n) {
        return written.computeIfAbsent(n, key -> {
            try {
                MimeMessage email = n % 10 == 0 ? withoutMessageId() : new MimeMessage(session());
                email.setFrom(new InternetAddress("patient" + n + "@patients.example"));
                email.setRecipients(Message.RecipientType.TO, MAILBOX);
                email.setSubject("Reliability " + RUN + " email " + n);
                email.setText("Email " + n + " of the burst: the waiting room on ward " + (n % 12) + " was cold.");
                email.saveChanges();
                if (n % 10 != 0) {
                    email.setHeader("Message-ID", "<burst-" + RUN + "-" + n + "@patients.example>");
                }
                return email;
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static MimeMessage canary(String after) {
        try {
            var email = new MimeMessage(session());
            email.setFrom(new InternetAddress("canary@patients.example"));
            email.setRecipients(Message.RecipientType.TO, MAILBOX);
            email.setSubject("After " + after);
            email.setText("An ordinary email after the " + after + " one.");
            email.saveChanges();
            email.setHeader("Message-ID", canaryId(after));
            return email;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String canaryId(String after) {
        return "<canary-" + RUN + "-" + after + "@patients.example>";
    }

    /** An old mail client's email: no Message-ID, so its mention id comes from its content. */
    private static MimeMessage withoutMessageId() {
        return new MimeMessage(session()) {
            @Override
            protected void updateMessageID() {}
        };
    }

    private static boolean sendRaw(byte[] raw) {
        return RawSmtp.send("127.0.0.1", SMTP_PORT, "attacker@attacker.example", MAILBOX, raw);
    }

    /** True when the server said 250; false when it could not be reached or refused. */
    private static boolean send(MimeMessage email) {
        try (Transport transport = session().getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(email, new InternetAddress[] {new InternetAddress(MAILBOX)});
            return true;
        } catch (MessagingException e) {
            return false;
        }
    }

    private static Session session() {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(SMTP_PORT));
        properties.setProperty("mail.smtp.connectiontimeout", "5000");
        properties.setProperty("mail.smtp.timeout", "120000");
        return Session.getInstance(properties);
    }

    // ---- figures

    private static int spooled() {
        try (var files = Files.list(directory.resolve("data").resolve("email").resolve("spool"))) {
            return (int) files.filter(file -> file.toString().endsWith(".eml")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void figure(String line) {
        figures.add(line);
        System.out.println("EmailReliabilityCheck: " + line);
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Control characters the desk would show: anything but line breaks and tabs. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private static final String CONTROL_SHOWN = ", WITH CONTROL CHARACTERS";

    /** Reads the mentions and dead-letter topics from the start, all the time, keeping what belongs to this run. */
    private static final class TopicWatch implements AutoCloseable {

        private final Map<Integer, Set<String>> burst = new ConcurrentHashMap<>();
        private final AtomicInteger burstRecords = new AtomicInteger();
        private final Map<String, String> outcomes = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        TopicWatch() {
            thread = Thread.ofPlatform().daemon().name("topic-watch").start(this::watch);
        }

        Map<Integer, Set<String>> burstMentions() {
            return burst.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
        }

        int burstRecords() {
            return burstRecords.get();
        }

        String outcomeOf(String messageId) {
            return outcomes.get(messageId);
        }

        private void watch() {
            var config = Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "reliability-" + RUN,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false);
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(Topics.MENTIONS.name(), Topics.DEAD_LETTERS.name()));
                while (running.get()) {
                    for (var record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.topic().equals(Topics.MENTIONS.name())) {
                            mention(DeskJson.read(record.value(), MentionReceived.class));
                        } else {
                            deadLetter(DeskJson.read(record.value(), DeadLettered.class));
                        }
                    }
                }
            }
        }

        private void mention(MentionReceived mention) {
            String subject = mention.subject() == null ? "" : mention.subject();
            String prefix = "Reliability " + RUN + " email ";
            if (subject.startsWith(prefix)) {
                burstRecords.incrementAndGet();
                int n = Integer.parseInt(subject.substring(prefix.length()));
                burst.computeIfAbsent(n, key -> ConcurrentHashMap.newKeySet())
                        .add(mention.mentionId().value());
                return;
            }
            String messageId = mention.attributes().get("messageId");
            if (messageId != null) {
                var flags = mention.flags().stream()
                        .filter(flag -> flag != MentionFlag.SENDER_NOT_AUTHENTICATED)
                        .toList();
                outcomes.putIfAbsent(
                        messageId,
                        "mention " + (flags.isEmpty() ? "" : flags + " ")
                                + mention.text().length() + " chars shown"
                                + (CONTROL.matcher(mention.text() + subject).find() ? CONTROL_SHOWN : ""));
            }
        }

        private void deadLetter(DeadLettered letter) {
            String messageId = letter.context().get("messageId");
            if (messageId != null) {
                outcomes.putIfAbsent(
                        messageId,
                        "dead letter (" + letter.reason().lines().findFirst().orElse("") + ")");
            }
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
