package org.heard.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.desk.security.StaffSettings;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.Test;

class AlertIntakeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-15T10:00:00Z"), ZoneOffset.UTC);

    private final List<DeadLettered> deadLetters = new ArrayList<>();
    private final EventPublisher publisher = new EventPublisher() {
        @Override
        public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
            assertThat(topic).isEqualTo(Topics.DEAD_LETTERS);
            deadLetters.add((DeadLettered) record);
            return CompletableFuture.completedFuture(null);
        }
    };

    @Test
    void anUnreadableTriagedRecordIsDeadLetteredWithItsBytes() {
        var intake = new AlertIntake(alerts(new AtomicInteger()), publisher, CLOCK, Duration.ofMillis(1));

        intake.onTriaged(
                new ConsumerRecord<>(Topics.TRIAGED.name(), 1, 7L, "c", "{nope".getBytes(StandardCharsets.UTF_8)));

        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo("desk-alerts-1-7");
            assertThat(letter.reason()).startsWith("Alerts: unreadable triaged mention");
            assertThat(new String(Base64.getDecoder().decode(letter.payload()), StandardCharsets.UTF_8))
                    .isEqualTo("{nope");
        });
    }

    @Test
    void anImmediateMentionWhoseAlertCannotBeRecordedIsTriedFiveTimesThenDeadLetteredNotDropped() {
        var tries = new AtomicInteger();
        var intake = new AlertIntake(alerts(tries), publisher, CLOCK, Duration.ofMillis(1));
        var mention = new MentionTriaged(
                MentionId.of(Channel.TWITTER, "x1"),
                ConversationId.startedBy(Channel.TWITTER, "x1"),
                Channel.TWITTER,
                new Sentiment(Sentiment.Label.NEGATIVE, -1, List.of()),
                List.of(new ServiceTag("ward-7", 1, List.of())),
                new Urgency(Urgency.Level.IMMEDIATE, List.of()),
                List.of(),
                "test",
                CLOCK.instant());

        intake.onTriaged(new ConsumerRecord<>(Topics.TRIAGED.name(), 0, 3L, "c", DeskJson.write(mention)));

        assertThat(tries).hasValue(AlertIntake.TRIES);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason())
                    .isEqualTo("Alerts: Alert not raised for an immediate mention (Elasticsearch is away)");
            assertThat(letter.context()).containsEntry("offset", "3");
        });
    }

    /** Alerts whose ledger cannot be written, counting the tries. */
    private static Alerts alerts(AtomicInteger tries) {
        var ledger = new AlertLedger(null) {
            @Override
            Optional<Versioned<AlertDelivery>> createDelivery(AlertDelivery delivery) {
                tries.incrementAndGet();
                throw new IllegalStateException("Elasticsearch is away");
            }
        };
        var settings = new AlertSettings(
                true,
                null,
                null,
                null,
                new AlertSettings.Webhook("http://127.0.0.1:9/hook", null, null, null),
                List.of(),
                Map.of(),
                null,
                5,
                null,
                null,
                null);
        return new Alerts(
                settings,
                new Subscriptions(List.of(), new StaffSettings(List.of()), services -> services),
                ledger,
                Map.of(AlertDelivery.Route.WEBHOOK, delivery -> new Delivered.Accepted()),
                (mention, since) -> false,
                null,
                ServiceLookup.idsOnly(),
                CLOCK);
    }
}
