package org.heard.triage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The triage stage against a real Elasticsearch node. */
class TriageStageIT {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static TestMentionIndex index;

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final List<Object> announced = new CopyOnWriteArrayList<>();
    final EventPublisher publisher = new EventPublisher() {
        @Override
        public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
            announced.add(record);
            return CompletableFuture.completedFuture(null);
        }
    };

    @BeforeAll
    static void createIndex() {
        index = new TestMentionIndex(TestElasticsearch.client());
        index.schema().ensureExists();
        index.schema().ensureExists(); // idempotent
    }

    static MentionReceived mention(String text) {
        return new MentionReceived(
                null,
                Channel.EMAIL,
                "ward7@trust.example",
                "<" + UUID.randomUUID() + "@mail>",
                null,
                null,
                new Author("pat@example.org", null, "Pat"),
                "Ward 7",
                text,
                NOW,
                NOW,
                List.of("inpatient-ward"),
                Set.of(),
                Map.of());
    }

    static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.MENTIONS.name(), 0, offset, "key", value);
    }

    TriageStage stage(TestMentionIndex on) {
        return new TriageStage(new ChannelHintTagger(clock), on.writer(), publisher, clock);
    }

    @Test
    void deadLettersAnUnreadableRecordAndIndexesTheRest() {
        var good = mention("Thank you to everyone on ward 7");

        stage(index)
                .process(List.of(
                        record(1, "{\"type\":\"MentionReceived\", broken".getBytes(StandardCharsets.UTF_8)),
                        record(2, DeskJson.write(good))));

        assertThat(index.search().find(good.mentionId().value())).isPresent();
        assertThat(announced).filteredOn(MentionTriaged.class::isInstance).hasSize(1);
        assertThat(announced)
                .filteredOn(DeadLettered.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(DeadLettered.class, letter -> {
                    assertThat(letter.reason()).contains("Cannot read MentionReceived");
                    assertThat(letter.context()).containsEntry("offset", "1");
                    assertThat(letter.payloadEncoding()).isEqualTo("base64");
                });
    }

    @Test
    void announcesNothingWhileElasticsearchIsDownSoTheBatchIsRetried() {
        var mention = mention("Nobody answered the call bell");
        var unreachable = new TestMentionIndex(ElasticsearchClients.create(URI.create("http://127.0.0.1:1"), "x", "y"));

        assertThatThrownBy(() -> stage(unreachable).process(List.of(record(1, DeskJson.write(mention)))))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(announced).isEmpty();

        stage(index).process(List.of(record(1, DeskJson.write(mention))));
        assertThat(index.search().find(mention.mentionId().value())).isPresent();
    }

    @Test
    void keepsWhatStaffDidWhenTheSameMentionIsTakenInAgain() {
        var mention = mention("Please call me back about my mum");
        stage(index).process(List.of(record(1, DeskJson.write(mention))));
        index.staff().updateStatus(mention.mentionId().value(), MentionStatus.IN_PROGRESS, "sam", NOW);

        stage(index).process(List.of(record(2, DeskJson.write(mention))));

        var stored = index.search().find(mention.mentionId().value()).orElseThrow();
        assertThat(stored.status()).isEqualTo(MentionStatus.IN_PROGRESS);
        assertThat(stored.assignee()).isEqualTo("sam");
        assertThat(stored.text()).isEqualTo("Please call me back about my mum");
    }
}
