package org.heard.desk.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.desk.KafkaTestPublisher;
import org.heard.desk.security.StaffUser;
import org.heard.desk.security.TestStaff;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * Dead letters against a real Elasticsearch node and a real Kafka broker: kept once, found by
 * source, reason, date and state, retried back onto the stage's topic or discarded, with who and
 * when; a retry refused again is a new letter linked to the first; only admins see or act.
 */
class DeadLettersIT {

    static KafkaTestPublisher producer;
    static DeadLetterShelf shelf;

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final StaffUser alex = TestStaff.admin("alex");
    final StaffUser sam = TestStaff.responder("sam");
    final EventPublisher publisher = DeadLettersIT.producer;
    final DeadLetterDesk desk = new DeadLetterDesk(shelf, Retries.of(publisher, clock), clock);
    final DeadLetterIntake intake = new DeadLetterIntake(shelf, clock);
    final String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void start() {
        TestKafka.createTopics(Topics.MENTIONS.name(), Topics.DEAD_LETTERS.name());
        producer = new KafkaTestPublisher();
        shelf = new DeadLetterShelf(TestElasticsearch.client());
        shelf.ensureExists();
        shelf.ensureExists(); // idempotent
    }

    @AfterAll
    static void stop() {
        producer.close();
    }

    @Test
    void aBadMessageIsKeptOnceWithItsReasonAndPayloadAndFoundByItsFilters() {
        var letter = triageRefused("{\"mentionId\": broken " + word, "base64");

        intake.take(List.of(record(1, DeskJson.write(letter)), record(2, DeskJson.write(letter))));

        var found = desk.browse(alex, new DeadLetterQuery("tri", word, null, null, DeadLetter.State.PENDING), 0, 10);
        assertThat(found.total()).isEqualTo(1);
        var shown = found.letters().getFirst();
        assertThat(shown.reason()).contains("Cannot read MentionReceived").contains(word);
        assertThat(Payloads.text(shown.raw())).contains("{\"mentionId\": broken " + word);
        assertThat(desk.browse(alex, new DeadLetterQuery("email", word, null, null, null), 0, 10)
                        .total())
                .isZero();
        assertThat(desk.browse(
                                alex,
                                new DeadLetterQuery(
                                        null, word, letter.deadLetteredAt().plusSeconds(1), null, null),
                                0,
                                10)
                        .total())
                .isZero();
        assertThat(desk.browse(alex, new DeadLetterQuery(null, word, null, null, DeadLetter.State.DISCARDED), 0, 10)
                        .total())
                .isZero();
        assertThat(desk.sources(alex)).contains("triage");
    }

    @Test
    void aRecordThatIsNotADeadLetterIsKeptTooNotDropped() {
        intake.take(List.of(record(7, ("not a dead letter " + word).getBytes(StandardCharsets.UTF_8))));

        var found = desk.browse(alex, new DeadLetterQuery(DeadLetterIntake.SOURCE, null, null, null, null), 0, 100);
        assertThat(found.letters())
                .anySatisfy(kept -> assertThat(Payloads.text(kept.raw())).contains("not a dead letter " + word));
    }

    @Test
    void retryAfterTheCauseIsFixedSendsTheMentionBackToTriageAndRecordsWhoAndWhen() {
        var mention = new MentionReceived(
                null,
                Channel.TWITTER,
                "@trust",
                "tweet-" + word,
                null,
                null,
                new Author("1", "pat", "Pat"),
                null,
                "The ward was spotless " + word,
                clock.instant(),
                clock.instant(),
                List.of(),
                Set.of(),
                Map.of());
        var letter = DeadLettered.ofText(
                "triage-" + mention.mentionId(),
                "triage",
                "Elasticsearch refused the mention: mapper_parsing_exception " + word,
                new String(DeskJson.write(mention), StandardCharsets.UTF_8),
                Map.of("mentionId", mention.mentionId().value()),
                clock.instant());
        intake.take(List.of(record(3, DeskJson.write(letter))));
        var mentions = TestKafka.tail(Topics.MENTIONS.name());
        clock.advance(Duration.ofMinutes(5));

        var outcome = desk.retry(alex, letter.id());

        assertThat(outcome).isInstanceOfSatisfying(DeadLetterDesk.Outcome.Done.class, done -> {
            assertThat(done.letter().state()).isEqualTo(DeadLetter.State.RETRIED);
            assertThat(done.letter().handledBy()).isEqualTo("alex");
            assertThat(done.letter().handledAt()).isEqualTo(clock.instant());
            assertThat(done.letter().outcome()).contains(Topics.MENTIONS.name());
        });
        assertThat(mentions.read(1, Duration.ofSeconds(30)))
                .anySatisfy(sent -> assertThat(sent.value())
                        .contains(mention.mentionId().value())
                        .contains(word));
        assertThat(desk.retry(alex, letter.id())).isInstanceOf(DeadLetterDesk.Outcome.Refused.class);
    }

    @Test
    void aRetryRefusedAgainBecomesANewDeadLetterLinkedToTheFirst() {
        var letter = triageRefused("still { not json " + word, "base64");
        intake.take(List.of(record(4, DeskJson.write(letter))));

        desk.retry(alex, letter.id());

        var first = desk.letter(alex, letter.id()).orElseThrow();
        String again = letter.id() + DeadLetterShelf.ATTEMPT + 2;
        assertThat(first.state()).isEqualTo(DeadLetter.State.RETRIED);
        assertThat(first.outcome()).contains("refused again").contains(again);
        var second = desk.letter(alex, again).orElseThrow();
        assertThat(second.state()).isEqualTo(DeadLetter.State.PENDING);
        assertThat(second.retryOf()).isEqualTo(letter.id());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.reason()).startsWith("Retried by alex: ").contains("Cannot read MentionReceived");
        assertThat(second.raw()).isEqualTo(first.raw());

        desk.retry(alex, again);

        assertThat(desk.letter(alex, letter.id() + DeadLetterShelf.ATTEMPT + 3)
                        .orElseThrow()
                        .retryOf())
                .isEqualTo(again);
    }

    @Test
    void discardIsRecordedWithWhoWhenAndWhy() {
        var letter = triageRefused("junk " + word, "utf-8");
        intake.take(List.of(record(5, DeskJson.write(letter))));
        clock.advance(Duration.ofHours(1));

        var outcome = desk.discard(alex, letter.id(), "test data from the supplier");

        assertThat(outcome).isInstanceOf(DeadLetterDesk.Outcome.Done.class);
        var discarded = desk.letter(alex, letter.id()).orElseThrow();
        assertThat(discarded.state()).isEqualTo(DeadLetter.State.DISCARDED);
        assertThat(discarded.handledBy()).isEqualTo("alex");
        assertThat(discarded.handledAt()).isEqualTo(clock.instant());
        assertThat(discarded.outcome()).contains("test data from the supplier");
        assertThat(desk.browse(alex, new DeadLetterQuery(null, word, null, null, DeadLetter.State.DISCARDED), 0, 10)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void nonAdminsCanNeitherSeeNorAct() {
        var letter = triageRefused("{ " + word, "utf-8");
        intake.take(List.of(record(6, DeskJson.write(letter))));

        assertThatThrownBy(() -> desk.browse(sam, DeadLetterQuery.everything(), 0, 10))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> desk.letter(sam, letter.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(desk.retry(sam, letter.id())).isInstanceOf(DeadLetterDesk.Outcome.Refused.class);
        assertThat(desk.discard(sam, letter.id(), null)).isInstanceOf(DeadLetterDesk.Outcome.Refused.class);
        assertThat(desk.letter(alex, letter.id()).orElseThrow().state()).isEqualTo(DeadLetter.State.PENDING);
    }

    @Test
    void saysWhyALetterCannotBeRetriedAndRefusesToTry() {
        var tweet = DeadLettered.ofText(
                "twitter-" + word,
                "twitter:trust",
                "Fetching mentions: unexpected JSON " + word,
                "{\"data\": [",
                Map.of(),
                clock.instant());
        var cut = DeadLettered.ofBytes(
                "email-" + word,
                "email:feedback@trust.example",
                "message is 30 MB, over the 25 MB limit " + word,
                "Subject: big\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of("truncated", "payload is the first 1048576 bytes", "folder", "INBOX", "uid", "42"),
                clock.instant());
        intake.take(List.of(record(8, DeskJson.write(tweet)), record(9, DeskJson.write(cut))));

        var tweetLetter = desk.letter(alex, tweet.id()).orElseThrow();
        var cutLetter = desk.letter(alex, cut.id()).orElseThrow();

        assertThat(desk.plan(alex, tweetLetter))
                .isInstanceOfSatisfying(
                        RetryRoute.RetryPlan.Impossible.class,
                        plan -> assertThat(plan.why()).contains("fetched from X again"));
        assertThat(desk.plan(alex, cutLetter))
                .isInstanceOfSatisfying(
                        RetryRoute.RetryPlan.Impossible.class,
                        plan -> assertThat(plan.why())
                                .contains("Only part of this message was kept")
                                .contains("INBOX, UID 42"));
        assertThat(desk.retry(alex, tweet.id())).isInstanceOf(DeadLetterDesk.Outcome.Refused.class);
        assertThat(desk.letter(alex, tweet.id()).orElseThrow().state()).isEqualTo(DeadLetter.State.PENDING);
    }

    DeadLettered triageRefused(String payload, String encoding) {
        String written = "base64".equals(encoding)
                ? Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                : payload;
        return new DeadLettered(
                "triage-" + UUID.randomUUID(),
                "triage",
                "Cannot read MentionReceived: Unexpected character " + word,
                encoding,
                written,
                Map.of("offset", "12"),
                clock.instant());
    }

    static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.DEAD_LETTERS.name(), 0, offset, "key", value);
    }
}
