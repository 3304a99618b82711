package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    private static final String TOPIC = "mentions-received";
    private static final String GROUP = "triage";

    @TempDir
    Path dataDirectory;

    @Test
    void recordProducedWithAcksAllIsConsumedByAConsumerGroup() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
            createTopic(kafka);

            produce(kafka, "conversation-1", "I waited four hours in A&E");

            assertThat(consumeAndCommit(kafka, 1))
                    .extracting(ConsumerRecord::key, ConsumerRecord::value)
                    .containsExactly(tuple("conversation-1", "I waited four hours in A&E"));
        }
    }

    @Test
    void restartOnTheSameDataDirectoryKeepsRecordsAndCommittedOffsets() throws Exception {
        String firstAddress;
        long firstStart = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            System.out.printf("Embedded Kafka first start (formatting storage): %d ms%n", millisSince(firstStart));
            firstAddress = kafka.bootstrapServers();
            createTopic(kafka);
            produce(kafka, "conversation-1", "first");
            assertThat(consumeAndCommit(kafka, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first");
        }

        long restart = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            System.out.printf("Embedded Kafka restart on the same data directory: %d ms%n", millisSince(restart));
            assertThat(kafka.bootstrapServers())
                    .as("a restart listens where clients found it before")
                    .isEqualTo(firstAddress);
            assertThat(readFromBeginning(kafka))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("first");

            produce(kafka, "conversation-2", "second");
            assertThat(consumeAndCommit(kafka, 1))
                    .as("the group resumes after its committed offset")
                    .extracting(ConsumerRecord::value)
                    .containsExactly("second");
        }
    }

    @Test
    void withALoginOnlyClientsThatSignInWithItGetIn() throws Exception {
        var login = new EmbeddedKafka.Login("heard", "a-long-enough-generated-password");
        try (EmbeddedKafka kafka =
                EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory).withLogin(login))) {
            assertThat(kafka.clientProperties()).containsEntry("security.protocol", "SASL_PLAINTEXT");

            assertThatThrownBy(() -> describeCluster(kafka, Map.of()))
                    .as("a client that does not sign in")
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            var impostor = new EmbeddedKafka.Login("heard", "a-guessed-password-of-the-same-length").clientProperties();
            assertThatThrownBy(() -> describeCluster(kafka, impostor))
                    .as("a client with the wrong password")
                    .hasCauseInstanceOf(SaslAuthenticationException.class);

            createTopic(kafka);
            produce(kafka, "conversation-1", "Signed in");
            assertThat(consumeAndCommit(kafka, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("Signed in");
        }
    }

    @Test
    void aLoginAddedToABrokerThatHadNoneWorksAfterTheRestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            createTopic(kafka);
            produce(kafka, "conversation-1", "before the login");
        }
        var login = new EmbeddedKafka.Login("heard", "a-long-enough-generated-password");
        try (EmbeddedKafka kafka =
                EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory).withLogin(login))) {
            assertThat(readFromBeginning(kafka))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("before the login");
        }
    }

    @Test
    void refusesToListenBeyondLoopbackUnlessAskedTo() {
        assertThatThrownBy(() -> EmbeddedKafka.start(
                        EmbeddedKafka.Settings.in(dataDirectory).withHost("192.0.2.10")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("serves this machine only, so it does not listen on 192.0.2.10")
                .hasMessageContaining("heard.embedded.kafka.allow-remote-clients");
        assertThatThrownBy(() -> EmbeddedKafka.Settings.in(dataDirectory)
                        .withHost("192.0.2.10")
                        .withRemoteClients(true))
                .as("not without a login")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secondBrokerOnTheSameDataDirectoryFailsNamingTheDirectory() {
        try (EmbeddedKafka running = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(running.dataDirectory().toString())
                    .hasMessageContaining("in use by another running broker");
        }
    }

    @Test
    void busyPortFailsNamingThePortAndLeavesTheDirectoryUsable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int busy = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafka.start(
                            EmbeddedKafka.Settings.in(dataDirectory).withPort(busy)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client port " + busy + " on 127.0.0.1 is already in use")
                    .hasMessageContaining(dataDirectory.toString());
            assertThatThrownBy(() -> EmbeddedKafka.start(
                            EmbeddedKafka.Settings.in(dataDirectory).withControllerPort(busy)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("controller port " + busy + " on 127.0.0.1 is already in use");
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            createTopic(kafka);
        }
    }

    @Test
    void closeIsIdempotentAndLeavesNoNonDaemonThreadsBehind() throws Exception {
        Set<Thread> before = liveNonDaemonThreads();
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory));
        createTopic(kafka);
        produce(kafka, "conversation-1", "hello");

        kafka.close();
        kafka.close();

        await().pollInSameThread()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(names(liveNonDaemonThreads(), before)).isEmpty());
    }

    @Test
    void failedStartStopsWhatItStartedWithoutHaltingTheJvmAndFreesTheDirectory() throws Exception {
        Set<Thread> before = liveNonDaemonThreads();
        // A start-up deadline no broker can meet makes Kafka fail half way, with its threads running.
        EmbeddedKafka.Settings impatient =
                EmbeddedKafka.Settings.in(dataDirectory).withBrokerProperty("server.max.startup.time.ms", "1");

        assertThatThrownBy(() -> EmbeddedKafka.start(impatient))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The embedded Kafka broker in "
                        + dataDirectory.toAbsolutePath().normalize() + " could not start");

        await().pollInSameThread()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(names(liveNonDaemonThreads(), before)).isEmpty());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory))) {
            createTopic(kafka);
        }
    }

    @Test
    void closesFromShutdownHooksWhenTheProcessExits() throws Exception {
        Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        javaCommand.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartThenExit.class.getName(),
                        dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        String output;
        try (var out = child.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("started on 127.0.0.1:")
                .containsPattern("Embedded Kafka on 127\\.0\\.0\\.1:\\d+ stopped")
                .as("the second hook finds it closed")
                .containsOnlyOnce("stopped");
    }

    private static void describeCluster(EmbeddedKafka kafka, Map<String, String> signIn) throws Exception {
        Map<String, Object> config = new HashMap<>(signIn);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                    .nodes()
                    .get(10, TimeUnit.SECONDS);
        }
    }

    /** The broker's own settings and, when it has a login, the client's side of it. */
    private static Map<String, Object> client(EmbeddedKafka kafka, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>(settings);
        config.putAll(kafka.clientProperties());
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return config;
    }

    private static void createTopic(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(client(kafka, Map.of()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty())))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static void produce(EmbeddedKafka kafka, String key, String value) throws Exception {
        Map<String, Object> config = client(
                kafka, Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ConsumerRecord<String, String>> consumeAndCommit(EmbeddedKafka kafka, int count) {
        return consumeAndCommit(kafka, GROUP, count);
    }

    private static List<ConsumerRecord<String, String>> readFromBeginning(EmbeddedKafka kafka) {
        return consumeAndCommit(kafka, "reader-" + System.nanoTime(), 1);
    }

    private static List<ConsumerRecord<String, String>> consumeAndCommit(EmbeddedKafka kafka, String group, int count) {
        Map<String, Object> config = client(
                kafka,
                Map.of(
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false));
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= count;
            });
            consumer.commitSync();
        }
        return received;
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> threads, Set<Thread> except) {
        return threads.stream()
                .filter(thread -> !except.contains(thread))
                .map(Thread::getName)
                .toList();
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
