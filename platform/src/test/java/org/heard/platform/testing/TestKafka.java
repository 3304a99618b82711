package org.heard.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.heard.platform.embedded.EmbeddedKafka;

/**
 * One real Kafka broker per test JVM for every module's integration tests: the embedded broker,
 * started on first use in a temporary directory on free ports, stopped and deleted when the JVM
 * exits; or the deployed image as a container where a Docker engine answers ({@link TestInfrastructure}). Tests in one JVM share it,
 * so a test that reads a topic others also write should {@link #tail(String) tail} it rather than read
 * it from the beginning.
 *
 * <p>In a Spring Boot test:
 * <pre>{@code
 * @DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) {
 *     registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
 * }
 * }</pre>
 */
public final class TestKafka {

    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedKafka broker;

    private TestKafka() {}

    /** Starts the broker on first call (thread-safe); every later call returns the same address. */
    public static synchronized String bootstrapServers() {
        if (TestInfrastructure.chosen() == TestInfrastructure.CONTAINERS) {
            return TestContainers.kafkaBootstrapServers();
        }
        if (broker == null) {
            Path dataDirectory;
            try {
                dataDirectory = Files.createTempDirectory("heard-test-kafka");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a data directory for the test Kafka broker", e);
            }
            EmbeddedKafka started = EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                deleteQuietly(dataDirectory);
                            },
                            "test-kafka-stop"));
            broker = started;
        }
        return broker.bootstrapServers();
    }

    /**
     * Creates the topics that do not exist yet, with the broker's defaults (three partitions, as the
     * application's topics are keyed by conversation); topics that exist are left as they are.
     */
    public static void createTopics(String... names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<NewTopic> topics = Arrays.stream(names)
                    .distinct()
                    .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                    .toList();
            for (var created : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + created.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + Arrays.toString(names), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "The test Kafka broker did not create " + Arrays.toString(names) + " within " + ADMIN_TIMEOUT, e);
        }
    }

    /**
     * Reads the topic from its beginning, all partitions, until at least {@code count} records have
     * arrived, and returns all read so far (in order within each partition). Fails the test with what
     * was read when fewer arrive within {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readRecords(String topic, int count, Duration timeout) {
        return read(topic, Map.of(), count, timeout);
    }

    /** Marks the current end of the topic, so a test reads only what is produced after this call. */
    public static Tail tail(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, ADMIN_TIMEOUT);
            consumer.assign(partitions);
            return new Tail(topic, Map.copyOf(consumer.endOffsets(partitions, ADMIN_TIMEOUT)));
        }
    }

    /** A topic from the point where {@link #tail(String)} was called. */
    public static final class Tail {

        private final String topic;
        private final Map<TopicPartition, Long> start;

        private Tail(String topic, Map<TopicPartition, Long> start) {
            this.topic = topic;
            this.start = start;
        }

        /** As {@link TestKafka#readRecords}, but only records produced after the tail was taken. */
        public List<ConsumerRecord<String, String>> read(int count, Duration timeout) {
            return TestKafka.read(topic, start, count, timeout);
        }
    }

    private static List<ConsumerRecord<String, String>> read(
            String topic, Map<TopicPartition, Long> start, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic, timeout);
            consumer.assign(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, start.getOrDefault(partition, 0L));
            }
            while (received.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(received::add);
            }
        }
        if (received.size() < count) {
            throw new AssertionError(
                    "Read " + received.size() + " of " + count + " records from " + topic + " within " + timeout + ": "
                            + received.stream().map(TestKafka::describe).toList());
        }
        return received;
    }

    private static List<TopicPartition> partitions(
            KafkaConsumer<String, String> consumer, String topic, Duration timeout) {
        List<PartitionInfo> found;
        try {
            // A topic the application creates at start-up may appear a moment after the test begins.
            found = Awaitility.await()
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(100))
                    .atMost(timeout)
                    .until(() -> consumer.partitionsFor(topic, timeout), partitions -> !partitions.isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Topic " + topic + " does not exist on the test Kafka broker"
                    + " (create it with TestKafka.createTopics)");
        }
        return found.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private static KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only records whose transaction committed, as the application's consumers see them.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static String describe(ConsumerRecord<String, String> record) {
        return record.partition() + "@" + record.offset() + " " + record.key() + "=" + record.value();
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temp directory left behind is no reason to fail the JVM's exit.
        }
    }
}
