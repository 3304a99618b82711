package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.RereadRequested;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The desk's Retry of an email dead letter is a request on Kafka that an ingest instance takes: the
 * email read again becomes a mention, or comes back to the dead letters under its first id.
 */
class EmailRereadsIT {

    private static final String SOURCE = "email:feedback@trust.nhs.uk";

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final EmailChannel channel = new EmailChannel(
            List.of(Samples.mailbox()),
            Duration.ofSeconds(5),
            publisher,
            new InMemoryCheckpointStore(),
            Clock.systemUTC(),
            ChannelLeases.allOnThisInstance(),
            java.util.Map.of());

    @Test
    void anIngestInstanceReadsARequestedEmailAgainAndSendsBackWhatStillCannotBeRead() throws Exception {
        TestKafka.createTopics(Topics.REREAD_REQUESTS.name());
        byte[] readable = Samples.raw("encoded-headers.eml");
        byte[] unreadable = "\r\n\u0001\u0002".getBytes(StandardCharsets.US_ASCII);

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(EmailRereadConfiguration.class)
                .withBean(EmailChannel.class, () -> channel)
                .withBean(EventPublisher.class, () -> publisher)
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "spring.kafka.consumer.auto-offset-reset=earliest",
                        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    request(DeadLettered.ofBytes(
                            "letter-readable", SOURCE, "reader bug", readable, Map.of("uid", "7"), Instant.now()));
                    request(DeadLettered.ofBytes(
                            "letter-garbage", SOURCE, "not an email", unreadable, Map.of("uid", "8"), Instant.now()));
                    request(DeadLettered.ofText(
                            "twitter-1", "twitter:trust", "not ours", "{}", Map.of(), Instant.now()));

                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> publisher.mentions().size() == 1
                                    && publisher.deadLetters().size() == 1);
                    assertThat(publisher.mentions())
                            .extracting(MentionReceived::subject)
                            .containsExactly("Thé ward was “spotless”");
                    assertThat(publisher.deadLetters()).singleElement().satisfies(letter -> {
                        assertThat(letter.id()).isEqualTo("letter-garbage");
                        assertThat(letter.reason()).startsWith("Read again at alex's request: still unreadable");
                        assertThat(letter.context()).containsEntry("uid", "8");
                        assertThat(letter.payloadBytes()).isEqualTo(unreadable);
                    });
                });
    }

    private static void request(DeadLettered letter) throws Exception {
        var request = RereadRequested.of(letter, "alex", Instant.now());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.REREAD_REQUESTS.name(),
                            Topics.REREAD_REQUESTS.keyOf(request),
                            DeskJson.write(request)))
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
