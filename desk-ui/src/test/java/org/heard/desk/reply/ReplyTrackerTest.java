package org.heard.desk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.Test;

class ReplyTrackerTest {

    @Test
    void anUnreadableOutcomeIsDeadLetteredWithItsRawBytesNotDropped() {
        var published = new ArrayList<Object>();
        var topics = new ArrayList<Topic<?>>();
        EventPublisher publisher = new EventPublisher() {
            @Override
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                topics.add(topic);
                published.add(record);
                return CompletableFuture.completedFuture(null);
            }
        };
        var tracker = new ReplyTracker(
                null, null, publisher, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        var heard = new ArrayList<Object>();
        tracker.subscribe(heard::add);

        tracker.onOutcomeForHistory(new ConsumerRecord<>(
                Topics.REPLY_OUTCOMES.name(), 2, 41L, "c-1", "{not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(topics).containsExactly(Topics.DEAD_LETTERS);
        var letter = (DeadLettered) published.getFirst();
        assertThat(letter.id()).isEqualTo("desk-outcome-2-41");
        assertThat(letter.reason()).startsWith("Unreadable reply outcome");
        assertThat(new String(Base64.getDecoder().decode(letter.payload()), StandardCharsets.UTF_8))
                .isEqualTo("{not json");
        assertThat(letter.context()).containsEntry("offset", "41");
        assertThat(heard).isEmpty();
        assertThat(List.of(letter.payloadEncoding())).containsExactly("base64");
    }
}
