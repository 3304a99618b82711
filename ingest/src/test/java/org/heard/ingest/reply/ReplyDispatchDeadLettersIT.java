package org.heard.ingest.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.ReplyOutcome;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.RecordingEventPublisher;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A reply whose outcome cannot be recorded, however often it is tried, must not vanish: after the
 * last try it goes to the dead letters (where the desk can retry it) instead of being skipped.
 */
class ReplyDispatchDeadLettersIT {

    @Test
    void aReplyWhoseOutcomeCannotBeRecordedIsDeadLetteredAfterItsLastTry() throws Exception {
        TestKafka.createTopics(Topics.REPLIES.name());
        var publisher = new RecordingEventPublisher();
        // Kafka takes the dead letter but never the outcome, as when the outcome is refused for good.
        publisher.refuse(record -> record instanceof ReplyOutcome);
        ReplySender sent =
                ReplyDispatcherTest.answering(Channel.EMAIL, new SendResult.Sent("<sent@trust.nhs.uk>", Instant.now()));
        var reply = ReplyDispatcherTest.reply(Channel.EMAIL);

        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(ReplyDispatchConfiguration.class)
                .withBean(EventPublisher.class, () -> publisher)
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(ReplySender.class, () -> sent)
                .withPropertyValues(
                        "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                        "spring.kafka.consumer.auto-offset-reset=earliest",
                        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                        "heard.replies.max-tries=3",
                        "heard.replies.first-retry-after-ms=10")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    try (var producer = new KafkaProducer<>(
                            Map.<String, Object>of(
                                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                            new StringSerializer(),
                            new ByteArraySerializer())) {
                        producer.send(new ProducerRecord<>(
                                        Topics.REPLIES.name(),
                                        reply.conversationId().value(),
                                        DeskJson.write(reply)))
                                .get(30, TimeUnit.SECONDS);
                    }

                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> !publisher.deadLetters().isEmpty());
                    var letter = publisher.deadLetters().getFirst();
                    assertThat(letter.source()).isEqualTo("reply-dispatch");
                    assertThat(letter.reason())
                            .contains("3 tries")
                            .contains("Could not record the outcome of reply " + reply.replyId());
                    assertThat(DeskJson.read(letter.payloadBytes(), ReplyRequested.class))
                            .isEqualTo(reply);
                    assertThat(letter.context())
                            .containsEntry("replyId", reply.replyId().value());
                });
    }
}
