package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The no-loss, no-doubles promise against a real broker: Kafka goes away mid-batch, the intake restarts. */
class MailboxRestartKafkaIT {

    private final MailServer server = new MailServer("feedback@trust.nhs.uk");
    private final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    private final ScheduledExecutorService wakeups = Executors.newSingleThreadScheduledExecutor();
    private final KafkaPublisher kafka = new KafkaPublisher();

    @AfterEach
    void stop() {
        kafka.close();
        wakeups.shutdownNow();
        server.close();
    }

    private int drain(EventPublisher publisher) throws Exception {
        var index = new MailIndex(checkpoints);
        var health = new MailboxHealth(server.mailbox.address());
        var intake = new MailboxIntake(
                server.mailbox,
                new EmailMentions(index, Clock.systemUTC()),
                index,
                publisher,
                Clock.systemUTC(),
                Duration.ofSeconds(10),
                AcceptedMail.NONE);
        return new MailboxWatcher(server.mailbox, intake, health, wakeups, Clock.systemUTC()).drainOnce();
    }

    @Test
    void everyEmailReachesKafkaExactlyOnceWhenTheBrokerFailsMidBatchAndTheIntakeRestarts() throws Exception {
        TestKafka.createTopics(Topics.MENTIONS.name());
        var mentions = TestKafka.tail(Topics.MENTIONS.name());
        int total = 30;
        for (int n = 1; n <= total; n++) {
            server.deliver(("From: p" + n + "@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: Visit " + n
                            + "\r\nMessage-ID: <kafka-" + n + "@example.org>\r\nContent-Type: text/plain\r\n\r\nVisit "
                            + n + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        var attempts = new AtomicInteger();
        EventPublisher brokerGoesAwayAfterTwelve = new EventPublisher() {
            @Override
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                return attempts.incrementAndGet() > 12
                        ? CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"))
                        : kafka.publish(topic, record);
            }
        };

        assertThatThrownBy(() -> drain(brokerGoesAwayAfterTwelve)).isInstanceOf(MailboxIntake.NotAcknowledged.class);
        assertThat(drain(kafka)).isEqualTo(total - 12);

        Map<MentionId, Long> onKafka = mentions.read(total, Duration.ofSeconds(30)).stream()
                .map(record -> DeskJson.read(record.value().getBytes(StandardCharsets.UTF_8), MentionReceived.class))
                .collect(Collectors.groupingBy(MentionReceived::mentionId, Collectors.counting()));
        assertThat(onKafka)
                .hasSize(total)
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(server.flagsIn("INBOX"))
                .hasSize(total)
                .allSatisfy(flags ->
                        assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
    }
}
