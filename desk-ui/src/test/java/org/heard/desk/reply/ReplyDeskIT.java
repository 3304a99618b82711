package org.heard.desk.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Topics;
import org.heard.desk.KafkaTestPublisher;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.IdentityReveals;
import org.heard.desk.mentions.IdentityShield;
import org.heard.desk.mentions.IdentityShieldSettings;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.TestStaff;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.embedded.EmbeddedKafka;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Send when Kafka is slow to confirm, on a real broker that goes away and comes back: the desk says
 * it does not know whether the reply went (it may still go: the producer keeps trying), and the
 * same draft sent again is the same reply, which a channel sends once.
 */
class ReplyDeskIT {

    @TempDir
    Path brokerData;

    @Test
    void aReplyKafkaDidNotConfirmInTimeIsReportedUnknownAndSendingTheDraftAgainReusesItsId() throws Exception {
        var client = TestElasticsearch.client();
        var index = TestMentionIndex.on(client);
        var activity = new ActivityLog(client);
        activity.ensureExists();
        String id = "reply-desk-" + UUID.randomUUID();
        var published = Instant.now();
        assertThat(index.writer()
                        .upsertAll(List.of(new MentionDocument(
                                id,
                                "c-" + id,
                                Channel.TWITTER,
                                "@trust",
                                id,
                                null,
                                null,
                                null,
                                "Nobody answered the buzzer on ward 3",
                                published,
                                published,
                                List.of(),
                                Set.of(),
                                Map.of(),
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                "test",
                                published,
                                null,
                                null,
                                null,
                                null))))
                .isEmpty();
        var sam = TestStaff.responder("sam");

        var broker = EmbeddedKafka.start(EmbeddedKafka.Settings.in(brokerData));
        try (var producer = producer(broker.bootstrapServers())) {
            createRepliesTopic(broker);
            var audit = new AuditTrail(producer, Clock.systemUTC(), "test", Duration.ofSeconds(5));
            var queries = new InboxQueries(
                    index.search(),
                    services -> services,
                    new IdentityShield(IdentityShieldSettings.defaults()),
                    new IdentityReveals(client),
                    activity,
                    audit);
            var desk = new ReplyDesk(
                    queries,
                    index.staff(),
                    activity,
                    producer,
                    new PatternPersonalDataSpotter(),
                    List.of(),
                    Clock.systemUTC(),
                    Duration.ofSeconds(2));
            assertThat(desk.send(sam, id, "Thank you for telling us.", false, true))
                    .isInstanceOf(SendAttempt.Requested.class);

            broker.close();
            String draft = "We are sorry nobody came, we are looking into the buzzers on ward 3 today.";
            var attempt = desk.send(sam, id, draft, false, true);

            assertThat(attempt).as("Kafka away for longer than Send waits").isInstanceOf(SendAttempt.Unknown.class);
            var unknown = (SendAttempt.Unknown) attempt;
            assertThat(unknown.reason())
                    .contains("Unknown whether the reply was sent")
                    .contains("may still go out")
                    .contains("Check")
                    .doesNotContain("nothing was sent");
            assertThat(activity.find(unknown.replyId().value()))
                    .as("in the history, to be checked")
                    .hasValueSatisfying(
                            entry -> assertThat(entry.detail("handover")).isEqualTo("unconfirmed"));

            broker = EmbeddedKafka.start(EmbeddedKafka.Settings.in(brokerData));
            var restarted = broker;
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(replyIds(restarted))
                            .as("the producer kept trying: the reply went after all")
                            .contains(unknown.replyId()));

            var again = desk.send(sam, id, draft, false, true);

            assertThat(again).isInstanceOf(SendAttempt.Requested.class);
            assertThat(((SendAttempt.Requested) again).replyId())
                    .as("the same draft is the same reply")
                    .isEqualTo(unknown.replyId());
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(replyIds(restarted))
                            .filteredOn(unknown.replyId()::equals)
                            .hasSize(2));
            assertThat(activity.find(unknown.replyId().value()).orElseThrow().detail("handover"))
                    .isNull();
            assertThat(activity.ofConversation("c-" + id))
                    .filteredOn(entry -> entry.kind() == Activity.Kind.REPLY_REQUESTED)
                    .hasSize(2);
        } finally {
            broker.close();
        }
    }

    @Test
    void aDraftIsOneReplyWhoeverPressesSendHowOftenAndAnotherDraftIsAnother() {
        var first = ReplyDesk.forDraft("m-1", "Thank you\n\nSam, Matron", false);

        assertThat(ReplyDesk.forDraft("m-1", "Thank you\n\nSam, Matron", false)).isEqualTo(first);
        assertThat(ReplyDesk.forDraft("m-1", "Thank you!\n\nSam, Matron", false))
                .isNotEqualTo(first);
        assertThat(ReplyDesk.forDraft("m-1", "Thank you\n\nSam, Matron", true)).isNotEqualTo(first);
        assertThat(ReplyDesk.forDraft("m-2", "Thank you\n\nSam, Matron", false)).isNotEqualTo(first);
    }

    private static void createRepliesTopic(EmbeddedKafka broker) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.REPLIES.name(), 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static List<ReplyId> replyIds(EmbeddedKafka broker) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ReplyId> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REPLIES.name()));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> ids.add(DeskJson.read(record.value(), ReplyRequested.class)
                                .replyId()));
            }
        }
        return ids;
    }

    /** As the application's producer: acks=all, idempotent, trying for a minute. */
    private static KafkaTestPublisher producer(String bootstrapServers) {
        return new KafkaTestPublisher(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                60_000));
    }
}
