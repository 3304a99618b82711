package org.heard.cluster;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topic;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.embedded.EmbeddedElasticsearch;
import org.heard.platform.testing.TestElasticsearch;

/**
 * A production-shaped cluster on this machine, without Docker: three Kafka brokers (KRaft, each a
 * combined broker and controller, in this JVM via Kafka's own test kit), two Elasticsearch nodes
 * (separate processes, security on), and a mail server (GreenMail) holding the trust's mailbox.
 * Small heaps: the machine is shared.
 */
final class LocalCluster implements AutoCloseable {

    static final String MAILBOX = "feedback@cluster.heard.localhost";
    static final String MAILBOX_PASSWORD = "cluster-mailbox-secret";
    static final String PATIENTS = "patients.example.org";

    private final Path directory;
    private final KafkaClusterTestKit kafka;
    private final List<EmbeddedElasticsearch> elasticsearch;
    private final String elasticsearchPassword;
    private final GreenMail mail;
    private final GreenMailUser mailbox;
    private final ElasticsearchClient client;
    private final KafkaProducer<String, byte[]> producer;

    private LocalCluster(
            Path directory,
            KafkaClusterTestKit kafka,
            List<EmbeddedElasticsearch> elasticsearch,
            String elasticsearchPassword,
            GreenMail mail) {
        this.directory = directory;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.elasticsearchPassword = elasticsearchPassword;
        this.mail = mail;
        this.mailbox = mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
        this.client = ElasticsearchClients.create(elasticsearchUris(), "heard", elasticsearchPassword);
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    static LocalCluster start() throws Exception {
        quietenKafka();
        Path directory = Files.createTempDirectory("heard-local-cluster");
        // The Elasticsearch nodes run as another user when we are root: they must get through to their own directories.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
        // Elasticsearch launches in the background; Kafka starts meanwhile.
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(24));
        var elasticsearch = elasticsearchCluster(directory, password);
        var kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        // One controller apart from the brokers: the brokers are what this cluster loses.
                        .setCombined(false)
                        .setNumBrokerNodes(3)
                        .setNumControllerNodes(1)
                        .setBaseDirectory(directory.resolve("kafka"))
                        .build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.num.partitions", "5")
                .setConfigProp("num.network.threads", "1")
                .setConfigProp("num.io.threads", "2")
                .setConfigProp("background.threads", "2")
                .setConfigProp("log.cleaner.threads", "1")
                .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        var mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()
        });
        mail.start();
        elasticsearch.forEach(EmbeddedElasticsearch::awaitReady);
        return new LocalCluster(directory, kafka, elasticsearch, password, mail);
    }

    /** Three brokers in this JVM would fill the test's output with their INFO lines. */
    private static void quietenKafka() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            for (String name : List.of("kafka", "org.apache.kafka", "state.change.logger")) {
                logback.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    /** Two nodes that find each other over loopback transport; both accept the same superuser. */
    private static List<EmbeddedElasticsearch> elasticsearchCluster(Path directory, String password)
            throws IOException {
        int[] transport = {freePort(), freePort()};
        var seeds = List.of("127.0.0.1:" + transport[0], "127.0.0.1:" + transport[1]);
        var names = List.of("heard-es-1", "heard-es-2");
        var nodes = new ArrayList<EmbeddedElasticsearch>();
        for (int i = 0; i < 2; i++) {
            Path data = Files.createDirectories(directory.resolve(names.get(i)));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));
            Path credentials = data.resolve("credentials");
            Files.writeString(credentials, "username=heard\npassword=" + password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            var settings = TestElasticsearch.settingsIn(data)
                    .withStartTimeout(Duration.ofMinutes(4))
                    .joining(new EmbeddedElasticsearch.ClusterJoin(names.get(i), transport[i], seeds, names));
            nodes.add(EmbeddedElasticsearch.launch(settings));
        }
        return nodes;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    List<URI> elasticsearchUris() {
        return elasticsearch.stream().map(EmbeddedElasticsearch::uri).toList();
    }

    ElasticsearchClient elasticsearch() {
        return client;
    }

    /** The settings a Heard instance needs to use this cluster and the mailbox. */
    List<String> heardArguments() {
        var uris =
                String.join(",", elasticsearchUris().stream().map(URI::toString).toList());
        return List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                // A crashed instance's triage and reply partitions move after 6 s rather than 45 s.
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--spring.elasticsearch.uris=" + uris,
                "--spring.elasticsearch.username=heard",
                "--spring.elasticsearch.password=" + elasticsearchPassword,
                "--heard.kafka.topics.partitions=6",
                "--heard.channel.leases.mode=kafka",
                "--heard.channel.story.enabled=false",
                "--heard.channel.email.embedded.enabled=false",
                "--heard.channel.email.mailboxes[0].address=" + MAILBOX,
                "--heard.channel.email.mailboxes[0].password=" + MAILBOX_PASSWORD,
                "--heard.channel.email.mailboxes[0].imap.host=127.0.0.1",
                "--heard.channel.email.mailboxes[0].imap.port=" + mail.getImap().getPort(),
                "--heard.channel.email.mailboxes[0].imap.security=NONE",
                "--heard.channel.email.mailboxes[0].smtp.host=127.0.0.1",
                "--heard.channel.email.mailboxes[0].smtp.port=" + mail.getSmtp().getPort(),
                "--heard.channel.email.mailboxes[0].smtp.security=NONE",
                "--heard.channel.email.mailboxes[0].idle=false",
                "--heard.channel.email.mailboxes[0].poll-interval=1s");
    }

    HeardProcess startHeard(String name, String heap, String roles, String... more) {
        var arguments = new ArrayList<>(heardArguments());
        arguments.add("--heard.roles=" + roles);
        arguments.addAll(List.of(more));
        return HeardProcess.start(name, directory, Path.of("target", "local-cluster"), heap, arguments);
    }

    /** An email from a patient arrives in the trust's mailbox; its Message-ID is {@code <id@patients.example.org>}. */
    void deliverEmail(String id) {
        String raw = "From: Patient " + id + " <" + id + "@" + PATIENTS + ">\r\n"
                + "To: " + MAILBOX + "\r\n"
                + "Subject: Ward 7 last night\r\n"
                + "Message-ID: <" + id + "@" + PATIENTS + ">\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "My mum was on ward 7 last night. The nurses were kind but nobody came when she rang the bell "
                + "for over an hour. Please can someone look into this. (" + id + ")\r\n";
        try {
            mailbox.deliver(new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What arrived in the patients' inboxes over SMTP: our replies. (GreenMail's received messages by
     * domain would also count the copies Heard files in the trust mailbox's Sent folder.)
     */
    List<MimeMessage> repliesReceived() throws Exception {
        var received = new ArrayList<MimeMessage>();
        for (var user : mail.getUserManager().listUser()) {
            if (user.getEmail().endsWith("@" + PATIENTS)) {
                for (var message :
                        mail.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    received.add(message.getMimeMessage());
                }
            }
        }
        return received;
    }

    <T> void publish(Topic<T> topic, T record) throws Exception {
        publishAll(topic, List.of(record));
    }

    /** Sends them all at once, as a busy connector would, and returns when Kafka acknowledged every one. */
    <T> void publishAll(Topic<T> topic, List<T> records) throws Exception {
        var acknowledgements = new ArrayList<java.util.concurrent.Future<?>>();
        for (T record : records) {
            var producerRecord = new ProducerRecord<>(topic.name(), topic.keyOf(record), DeskJson.write(record));
            producerRecord
                    .headers()
                    .add("heard-type", record.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
            acknowledgements.add(producer.send(producerRecord));
        }
        for (var acknowledgement : acknowledgements) {
            acknowledgement.get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * A topic read from its beginning by one consumer that stays connected (a new consumer per look
     * would bootstrap again, and may first try the broker that is gone).
     */
    <T> Reader<T> reader(Topic<T> topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        var partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(60)).stream()
                .map(info -> new TopicPartition(topic.name(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new Reader<>(topic, consumer);
    }

    /** Everything on one topic so far; {@link #all()} reads what arrived since the last call. */
    static final class Reader<T> implements AutoCloseable {

        private final Topic<T> topic;
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<T> read = new ArrayList<>();

        private Reader(Topic<T> topic, KafkaConsumer<String, byte[]> consumer) {
            this.topic = topic;
            this.consumer = consumer;
        }

        synchronized List<T> all() {
            var end = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(30));
            while (end.entrySet().stream()
                    .anyMatch(partition ->
                            consumer.position(partition.getKey(), Duration.ofSeconds(30)) < partition.getValue())) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> read.add(DeskJson.read(record.value(), topic.type())));
            }
            return List.copyOf(read);
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }
    }

    /** Shuts one broker down (its controller stays): partitions lead elsewhere, min.insync.replicas 2 still holds. */
    void stopBroker(int id) {
        var broker = kafka.brokers().get(id);
        broker.shutdown();
        broker.awaitShutdown();
    }

    @Override
    public void close() {
        closeQuietly(producer::close);
        closeQuietly(client::close);
        closeQuietly(mail::stop);
        closeQuietly(kafka::close);
        elasticsearch.forEach(node -> closeQuietly(node::close));
        TestElasticsearch.deleteRecursively(directory);
    }

    private interface Closing {
        void close() throws Exception;
    }

    private static void closeQuietly(Closing closing) {
        try {
            closing.close();
        } catch (Exception e) {
            // Tear-down goes on: each part must be released even if another fails.
        }
    }
}
