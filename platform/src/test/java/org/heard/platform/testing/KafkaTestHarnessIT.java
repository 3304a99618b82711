package org.heard.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTestHarnessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void startsOneBrokerForTheWholeJvmEvenWhenAskedConcurrently() throws Exception {
        int callers = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit((Callable<String>) () -> {
                    go.await();
                    return TestKafka.bootstrapServers();
                }));
            }
            go.countDown();
            List<String> addresses = new ArrayList<>();
            for (Future<String> answer : answers) {
                addresses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(addresses).containsOnly(TestKafka.bootstrapServers());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void createsTopicsWithThreePartitionsAndToleratesExistingOnes() throws Exception {
        TestKafka.createTopics("harness-created", "harness-created-too");
        TestKafka.createTopics("harness-created");

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            var topics = admin.describeTopics(List.of("harness-created", "harness-created-too"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));
        }
    }

    @Test
    void readsWhatWasProducedAcrossPartitions() throws Exception {
        TestKafka.createTopics("harness-read");
        produce("harness-read", "conversation-1", "one", "conversation-2", "two", "conversation-3", "three");

        assertThat(TestKafka.readRecords("harness-read", 3, TIMEOUT))
                .extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrder("one", "two", "three");
    }

    @Test
    void tailReadsOnlyRecordsProducedAfterIt() throws Exception {
        TestKafka.createTopics("harness-tail");
        produce("harness-tail", "conversation-1", "before");
        TestKafka.Tail tail = TestKafka.tail("harness-tail");
        produce("harness-tail", "conversation-1", "after");

        assertThat(tail.read(1, TIMEOUT)).extracting(ConsumerRecord::value).containsExactly("after");
    }

    @Test
    void failsTheTestSayingHowManyArrivedWhenTooFewDo() throws Exception {
        TestKafka.createTopics("harness-short");
        produce("harness-short", "conversation-1", "only");

        assertThatThrownBy(() -> TestKafka.readRecords("harness-short", 2, Duration.ofSeconds(2)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Read 1 of 2 records from harness-short")
                .hasMessageContaining("conversation-1=only");
    }

    @Test
    void failsTheTestNamingATopicThatDoesNotExist() {
        assertThatThrownBy(() -> TestKafka.readRecords("harness-missing", 1, Duration.ofSeconds(1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Topic harness-missing does not exist");
    }

    private static void produce(String topic, String... keysAndValues) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                producer.send(new ProducerRecord<>(topic, keysAndValues[i], keysAndValues[i + 1]))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
