package org.heard.triage.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
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
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.RetriageRequested;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.triage.SharedTriage;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Re-triage with the real CoreNLP triage and a real Elasticsearch node: after a catalogue change old
 * mentions get the new service, while what staff did with them and the tags they corrected stay.
 */
class RetriageStageIT {

    static final String MATERNITY = """
            services:
              - id: maternity
                name: Maternity
                terms: [midwife, midwives, labour ward]
            """;
    static final String WITH_PARKING = MATERNITY + """
              - id: car-parking
                name: Car parking
                terms: [car park, parking]
            """;

    static TestMentionIndex index;

    final Instant firstTriage = Instant.parse("2026-11-01T09:00:00Z");
    final Instant retriage = Instant.parse("2026-11-22T09:00:00Z");
    final List<DeadLettered> deadLetters = new CopyOnWriteArrayList<>();
    final EventPublisher publisher = new EventPublisher() {
        @Override
        public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
            if (record instanceof DeadLettered letter) {
                deadLetters.add(letter);
            }
            return CompletableFuture.completedFuture(null);
        }
    };
    CoreNlpTagger before;
    CoreNlpTagger after;

    @BeforeAll
    static void createIndex() {
        index = new TestMentionIndex(TestElasticsearch.client());
        index.schema().ensureExists();
    }

    @AfterEach
    void closeTaggers() {
        before.close();
        after.close();
    }

    @Test
    void aNewServiceKeywordRetagsOldMentionsButKeepsStaffWorkAndCorrectedTags() {
        before = tagger(MATERNITY, firstTriage);
        after = tagger(WITH_PARKING, retriage);
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        var untouched = mention("The midwife was lovely but the car park was full " + word);
        var taken = mention("No parking anywhere and the midwives were rushed " + word);
        var corrected = mention("Parking near the labour ward costs far too much " + word);
        new TriageStage(before, index.writer(), publisher, Clock.fixed(firstTriage, ZoneOffset.UTC))
                .process(List.of(
                        record(1, DeskJson.write(untouched)),
                        record(2, DeskJson.write(taken)),
                        record(3, DeskJson.write(corrected))));
        assertThat(services(untouched)).containsExactly("maternity");
        index.staff().updateStatus(taken.mentionId().value(), MentionStatus.IN_PROGRESS, "sam", firstTriage);
        index.staff()
                .correct(
                        corrected.mentionId().value(),
                        Map.of(
                                "services",
                                List.of(Map.of(
                                        "serviceId",
                                        "estates",
                                        "confidence",
                                        1.0,
                                        "evidence",
                                        List.of("corrected by sam")))));
        index.staff().correct(corrected.mentionId().value(), Map.of("sentiment", Map.of("label", "negative")));

        String job = "job-" + word;
        var gone = new MentionId("email-mention-" + word);
        new RetriageStage(after, index.search(), index.writer(), publisher, Clock.fixed(retriage, ZoneOffset.UTC))
                .process(List.of(
                        request(1, job, untouched.mentionId()),
                        request(2, job, taken.mentionId()),
                        request(3, job, corrected.mentionId()),
                        request(4, job, gone)));

        assertThat(services(untouched)).containsExactlyInAnyOrder("maternity", "car-parking");
        var stillTaken = index.search().find(taken.mentionId().value()).orElseThrow();
        assertThat(stillTaken.services()).extracting(ServiceTag::serviceId).contains("car-parking");
        assertThat(stillTaken.status()).isEqualTo(MentionStatus.IN_PROGRESS);
        assertThat(stillTaken.assignee()).isEqualTo("sam");
        assertThat(stillTaken.triagedAt()).isEqualTo(retriage);
        var stillCorrected = index.search().find(corrected.mentionId().value()).orElseThrow();
        assertThat(stillCorrected.services()).extracting(ServiceTag::serviceId).containsExactly("estates");
        assertThat(stillCorrected.sentiment().label().wire()).isEqualTo("negative");
        assertThat(stillCorrected.triagedAt()).isEqualTo(retriage);
        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.source()).isEqualTo("retriage");
            assertThat(letter.reason()).contains("no longer in the index");
            assertThat(letter.context()).containsEntry("retriageJob", job).containsEntry("mentionId", gone.value());
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> index.search().countRetagged(job) == 3);
    }

    @Test
    void aWalkVisitsEveryMentionOfTheRangeOnceAndCountsThemFirst() {
        before = tagger(MATERNITY, firstTriage);
        after = before;
        Instant day = Instant.parse("2001-02-03T10:00:00Z").plusSeconds(new java.util.Random().nextInt(1_000_000));
        var mentions = java.util.stream.IntStream.range(0, 7)
                .mapToObj(i -> mention("Thanks to the midwife number " + i, day.plusSeconds(i)))
                .toList();
        var records = new java.util.ArrayList<ConsumerRecord<String, byte[]>>();
        for (int i = 0; i < mentions.size(); i++) {
            records.add(record(i, DeskJson.write(mentions.get(i))));
        }
        new TriageStage(
                        new ChannelHintTagger(Clock.fixed(firstTriage, ZoneOffset.UTC)),
                        index.writer(),
                        publisher,
                        Clock.fixed(firstTriage, ZoneOffset.UTC))
                .process(records);
        var range = new MentionQuery(
                null, Set.of(Channel.EMAIL), null, null, null, null, null, day, day.plusSeconds(7), null);

        var seen = new java.util.ArrayList<String>();
        try (var walk = index.search().walk(range, Duration.ofMinutes(1))) {
            assertThat(walk.total()).isEqualTo(7);
            for (var page = walk.next(3); !page.isEmpty(); page = walk.next(3)) {
                assertThat(page).hasSizeLessThanOrEqualTo(3);
                seen.addAll(page);
            }
        }

        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        mentions.stream().map(m -> m.mentionId().value()).toList());
    }

    List<String> services(MentionReceived mention) {
        return index.search().find(mention.mentionId().value()).orElseThrow().services().stream()
                .map(ServiceTag::serviceId)
                .toList();
    }

    CoreNlpTagger tagger(String catalogue, Instant at) {
        return new CoreNlpTagger(
                () -> SharedTriage.get().withCatalogue(ServiceCatalogue.parse(catalogue, "test")),
                Clock.fixed(at, ZoneOffset.UTC));
    }

    MentionReceived mention(String text) {
        return mention(text, firstTriage);
    }

    static MentionReceived mention(String text, Instant at) {
        return new MentionReceived(
                null,
                Channel.EMAIL,
                "maternity@trust.example",
                "<" + UUID.randomUUID() + "@mail>",
                null,
                null,
                new Author("pat@example.org", null, "Pat"),
                null,
                text,
                at,
                at,
                List.of(),
                Set.of(),
                Map.of());
    }

    static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.MENTIONS.name(), 0, offset, "key", value);
    }

    ConsumerRecord<String, byte[]> request(long offset, String job, MentionId mention) {
        return new ConsumerRecord<>(
                Topics.RETRIAGE.name(),
                0,
                offset,
                mention.value(),
                DeskJson.write(new RetriageRequested(job, mention, retriage)));
    }
}
