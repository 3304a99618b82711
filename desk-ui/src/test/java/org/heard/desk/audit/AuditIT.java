package org.heard.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topics;
import org.heard.desk.KafkaTestPublisher;
import org.heard.platform.kafka.BatchListeners;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The audit trail on the shared test broker and Elasticsearch node: Kafka first, then the index. */
class AuditIT {

    private static AuditLog auditLog;
    private static KafkaTestPublisher publisher;
    private static Admin admin;

    @BeforeAll
    static void trail() {
        auditLog = new AuditLog(TestElasticsearch.client());
        auditLog.ensureExists();
        TestKafka.createTopics(Topics.AUDIT.name(), Topics.DEAD_LETTERS.name());
        publisher = new KafkaTestPublisher();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    @AfterAll
    static void close() {
        publisher.close();
        admin.close();
    }

    @Test
    void findsEntriesByPersonMentionAndDate() {
        String person = "p-" + UUID.randomUUID();
        String other = "o-" + UUID.randomUUID();
        String mention = "m-" + UUID.randomUUID();
        auditLog.append(List.of(
                entry(person, AuditAction.CONVERSATION_OPENED, mention, "2029-03-01T09:00:00Z"),
                entry(person, AuditAction.NOTE, mention, "2029-03-02T09:00:00Z"),
                entry(other, AuditAction.API_MENTION_READ, mention, "2029-03-02T09:00:00Z"),
                entry(person, AuditAction.API_SEARCHED, null, "2029-03-03T09:00:00Z")));

        var byPerson = auditLog.search(new AuditQuery(person, null, null, null), 0, 10);
        assertThat(byPerson.total()).isEqualTo(3);
        assertThat(byPerson.entries())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.API_SEARCHED, AuditAction.NOTE, AuditAction.CONVERSATION_OPENED);
        assertThat(byPerson.entries()).extracting(AuditEntry::instance).containsOnly("desk-1");

        assertThat(auditLog.search(new AuditQuery(null, mention, null, null), 0, 10)
                        .entries())
                .extracting(AuditEntry::actor)
                .containsExactlyInAnyOrder(person, person, other);

        var secondDay = auditLog.search(
                new AuditQuery(
                        person, null, Instant.parse("2029-03-02T00:00:00Z"), Instant.parse("2029-03-03T00:00:00Z")),
                0,
                10);
        assertThat(secondDay.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.NOTE);
        assertThat(secondDay.entries().getFirst().at()).isEqualTo(Instant.parse("2029-03-02T09:00:00Z"));

        assertThat(auditLog.openedSince(mention, Instant.parse("2029-03-01T09:00:00Z")))
                .isTrue();
        assertThat(auditLog.openedSince(mention, Instant.parse("2029-03-01T09:00:01Z")))
                .isFalse();
    }

    @Test
    void retentionDeletesEntriesOlderThanTheRetentionPeriodAndKeepsTheRest() {
        String person = "r-" + UUID.randomUUID();
        auditLog.append(List.of(
                entry(person, AuditAction.CONVERSATION_OPENED, "old", "2010-06-01T12:00:00Z"),
                entry(person, AuditAction.CONVERSATION_OPENED, "kept", "2011-06-01T12:00:00Z")));
        var retention = new AuditRetention(
                auditLog, Period.ofYears(8), new MutableClock(Instant.parse("2019-01-01T00:00:00Z")));

        assertThat(retention.cutoff()).isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(auditLog.search(new AuditQuery(person, null, null, null), 0, 10)
                        .entries())
                .extracting(AuditEntry::mentionId)
                .containsExactly("kept");
    }

    @Test
    void anAccessIsOnKafkaWhenRecordingReturnsAndReachesTheIndexThroughTheWritersEvenIfNoWriterRanMeanwhile()
            throws Exception {
        var clock = new MutableClock(Instant.parse("2029-04-01T09:00:00Z"));
        String person = "k-" + UUID.randomUUID();
        String group = "audit-test-" + UUID.randomUUID();
        var trail = new AuditTrail(publisher, clock, "desk-1", Duration.ofSeconds(30));
        var backlog = new AuditBacklog(admin, Topics.AUDIT.name(), group, clock, Duration.ofMinutes(1));
        var tail = TestKafka.tail(Topics.AUDIT.name());

        trail.record(person, AuditAction.CONVERSATION_OPENED, "m-1", "c-1", "");
        var listed = java.util.stream.IntStream.range(0, AuditTrail.IDS_PER_ENTRY + 1)
                .mapToObj(i -> "m-" + i)
                .toList();
        trail.recordMentions(person, AuditAction.CSV_EXPORTED, listed);

        // On Kafka already, with no writer anywhere: a crash of this process now would lose nothing.
        var onKafka = tail.read(3, Duration.ofSeconds(10)).stream()
                .map(record -> DeskJson.read(
                        record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), AccessAudited.class))
                .filter(entry -> entry.actor().equals(person))
                .toList();
        assertThat(onKafka).hasSize(3);
        assertThat(onKafka.stream()
                        .filter(entry -> entry.action().equals("csv-exported"))
                        .map(AccessAudited::detail))
                .containsExactlyInAnyOrder(
                        "part 1 of 2, 201 in all; mentions=" + String.join(",", listed.subList(0, 200)),
                        "part 2 of 2, 201 in all; mentions=m-200");
        assertThat(trail.state().recorded()).isEqualTo(3);

        var before = backlog.read();
        assertThat(before.behind()).isGreaterThanOrEqualTo(3);
        clock.advance(Duration.ofMinutes(2));
        var stuck = backlog.read();
        assertThat(stuck.stuck())
                .as("waiting a minute with no writer making progress")
                .isTrue();
        assertThat(AuditHealth.of(
                                trail.state(),
                                new AuditWriter.State(false, null, 0, null),
                                backlog,
                                clock.instant().minusSeconds(60))
                        .getStatus()
                        .getCode())
                .isEqualTo("DOWN");

        var writer = new AuditWriter(auditLog, publisher, clock);
        var container = writerContainer(group, writer);
        container.start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery(person, null, null, null), 0, 10)
                                    .entries())
                            .extracting(AuditEntry::action)
                            .containsExactlyInAnyOrder(
                                    AuditAction.CONVERSATION_OPENED,
                                    AuditAction.CSV_EXPORTED,
                                    AuditAction.CSV_EXPORTED));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(backlog.read().behind()).isZero());
        } finally {
            container.stop();
        }
        assertThat(backlog.read().stuck()).isFalse();
    }

    @Test
    void whenKafkaCannotTakeTheEntryTheAccessIsRefusedWithinTheTimeoutAndHealthSaysSo() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var clock = new MutableClock(Instant.parse("2029-05-01T09:00:00Z"));
        // A producer whose broker is not there waits for the topic's metadata inside send.
        try (var unreachable =
                new KafkaTestPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort))) {
            var trail = new AuditTrail(unreachable, clock, "desk-1", Duration.ofSeconds(1));

            // The producer itself would wait 60 s for the topic's leader; the access waits one.
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    Duration.ofSeconds(20),
                    () -> assertThatThrownBy(
                                    () -> trail.record("sam", AuditAction.CONVERSATION_OPENED, "m-1", "c-1", ""))
                            .isInstanceOf(AuditUnavailable.class)
                            .hasMessageContaining("audit trail"));

            assertThat(trail.state().refused()).isEqualTo(1);
            var backlog = new AuditBacklog(
                    admin, Topics.AUDIT.name(), "audit-test-" + UUID.randomUUID(), clock, Duration.ofMinutes(1));
            var health = AuditHealth.of(
                    trail.state(),
                    new AuditWriter.State(false, null, 0, null),
                    backlog,
                    clock.instant().minusSeconds(60));
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat(health.getDetails()).containsKey("refusedBecause").containsEntry("refused", 1L);
        }
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> writerContainer(
            String group, AuditWriter writer) {
        var consumers = new DefaultKafkaConsumerFactory<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var container = BatchListeners.retryingForever(consumers, 1, 0).createContainer(Topics.AUDIT.name());
        container.getContainerProperties().setGroupId(group);
        container.getContainerProperties().setMessageListener((BatchMessageListener<String, byte[]>) writer::take);
        return container;
    }

    private static AccessAudited entry(String actor, AuditAction action, String mentionId, String at) {
        return new AccessAudited(
                UUID.randomUUID().toString(),
                actor,
                action.wire(),
                mentionId,
                mentionId == null ? null : "c-1",
                "",
                Instant.parse(at),
                "desk-1");
    }
}
