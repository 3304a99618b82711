package org.heard.desk.retriage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.RetriageRequested;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.desk.KafkaTestPublisher;
import org.heard.desk.deadletters.TestDeadLetters;
import org.heard.desk.security.TestStaff;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestElasticsearch;
import org.heard.platform.testing.TestKafka;
import org.heard.triage.stage.MentionTagger;
import org.heard.triage.stage.RetriageStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * Re-triage jobs with a real Kafka broker and Elasticsearch node, and triage's re-triage stage
 * reading the topic as the triage role does: progress reaches every mention of the range (failures
 * included), staff work stays, one job runs at a time and a cancel stops it.
 */
class RetriageIT {

    static TestMentionIndex index;
    static TestDeadLetters deadLetters;
    static KafkaTestPublisher publisher;

    final Clock clock = Clock.systemUTC();
    final RetriageSettings settings = new RetriageSettings(2, 4, Duration.ofMinutes(1));

    @BeforeAll
    static void start() {
        TestKafka.createTopics(REQUESTS.name(), Topics.DEAD_LETTERS.name());
        index = new TestMentionIndex(TestElasticsearch.client());
        index.schema().ensureExists();
        deadLetters = new TestDeadLetters(TestElasticsearch.client());
        publisher = new KafkaTestPublisher();
    }

    @AfterAll
    static void stop() {
        publisher.close();
    }

    @Test
    void aJobRetagsEveryMentionOfTheRangeKeepingStaffWorkAndCountsFailures() throws Exception {
        Instant day = randomDay();
        var taken = old("taken", "No parking at all on Saturday", day.plusSeconds(10));
        var corrected = old("corrected", "Parking fines for visitors again", day.plusSeconds(20));
        var plain = old("plain", "The parking machine ate my coins", day.plusSeconds(30));
        var outside = old("outside", "Parking was fine", day.minusSeconds(10));
        var unreadable = unreadable(day.plusSeconds(40));
        index.staff().updateStatus(taken.mentionId().value(), MentionStatus.IN_PROGRESS, "sam", Instant.now());
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
        var retriage = retriage(publisher);

        try (var triage = new TriageConsumer()) {
            var started = retriage.start(TestStaff.admin("alex"), day, day.plus(1, ChronoUnit.DAYS), null, null);

            assertThat(started).isInstanceOf(Retriage.Outcome.Started.class);
            var job = ((Retriage.Outcome.Started) started).job();
            await().atMost(Duration.ofSeconds(60)).until(() -> state(retriage, job.id()) == RetriageJob.State.DONE);
            var finished = retriage.recent(TestStaff.admin("alex"), 20).stream()
                    .filter(progress -> progress.job().id().equals(job.id()))
                    .findFirst()
                    .orElseThrow();
            assertThat(finished.total()).isEqualTo(4);
            assertThat(finished.done()).isEqualTo(3);
            assertThat(finished.failed()).isEqualTo(1);
            assertThat(finished.fraction()).isEqualTo(1.0);
        } finally {
            retriage.close();
        }
        assertThat(services(plain)).containsExactly("car-parking");
        var stillTaken = index.search().find(taken.mentionId().value()).orElseThrow();
        assertThat(stillTaken.services()).extracting(ServiceTag::serviceId).containsExactly("car-parking");
        assertThat(stillTaken.status()).isEqualTo(MentionStatus.IN_PROGRESS);
        assertThat(stillTaken.assignee()).isEqualTo("sam");
        assertThat(services(corrected)).containsExactly("estates");
        assertThat(index.search()
                        .find(outside.mentionId().value())
                        .orElseThrow()
                        .model())
                .isEqualTo("old-model");
        assertThat(index.search().find(unreadable).orElseThrow().model()).isEqualTo("old-model");
    }

    @Test
    void oneJobRunsAtATimeAndACancelLetsTheNextStart() {
        Instant day = randomDay();
        old("a", "Parking again", day.plusSeconds(1));
        // Kafka that never acknowledges: the job stays running for as long as the test needs.
        var stuck = new EventPublisher() {
            @Override
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                return new CompletableFuture<>();
            }
        };
        var retriage = retriage(stuck);
        var alex = TestStaff.admin("alex");
        try {
            var first = retriage.start(alex, day, day.plus(1, ChronoUnit.DAYS), null, Channel.TWITTER);
            assertThat(first).isInstanceOf(Retriage.Outcome.Started.class);
            String jobId = ((Retriage.Outcome.Started) first).job().id();

            assertThat(retriage.start(alex, day, day.plus(1, ChronoUnit.DAYS), null, null))
                    .isInstanceOfSatisfying(
                            Retriage.Outcome.Refused.class,
                            refused -> assertThat(refused.reason()).contains("Another"));
            assertThat(retriage.running(alex))
                    .get()
                    .satisfies(progress -> assertThat(progress.job().id()).isEqualTo(jobId));

            assertThat(retriage.cancel(alex, jobId)).isInstanceOf(Retriage.Outcome.Cancelled.class);
            assertThat(state(retriage, jobId)).isEqualTo(RetriageJob.State.CANCELLED);
            assertThat(retriage.running(alex)).isEmpty();
            var next = retriage.start(alex, day, day.plus(1, ChronoUnit.DAYS), null, null);
            assertThat(next).isInstanceOf(Retriage.Outcome.Started.class);
            retriage.cancel(alex, ((Retriage.Outcome.Started) next).job().id());
        } finally {
            retriage.close();
        }
    }

    @Test
    void onlyAdminsStartFollowOrCancelJobs() {
        var retriage = retriage(publisher);
        var sam = TestStaff.responder("sam");
        try {
            Instant day = randomDay();
            assertThat(retriage.start(sam, day, day.plus(1, ChronoUnit.DAYS), null, null))
                    .isInstanceOf(Retriage.Outcome.Refused.class);
            assertThat(retriage.cancel(sam, "any")).isInstanceOf(Retriage.Outcome.Refused.class);
            assertThatThrownBy(() -> retriage.running(sam)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> retriage.recent(sam, 5)).isInstanceOf(AccessDeniedException.class);
        } finally {
            retriage.close();
        }
    }

    Retriage retriage(EventPublisher on) {
        return new Retriage(
                new RetriageJobs(TestElasticsearch.client()) {
                    {
                        ensureExists();
                    }
                },
                index.search(),
                deadLetters.counts(),
                toOwnTopic(on),
                settings,
                clock,
                Duration.ofMillis(100));
    }

    /**
     * The desk applications other tests start in this JVM run the real re-triage consumer on
     * heard.retriage.v1 with their own tagger: this test's requests go to a topic of their own, so
     * only the stage under test answers them.
     */
    static final Topic<RetriageRequested> REQUESTS =
            new Topic<>("retriage-it-" + UUID.randomUUID(), RetriageRequested.class, Topics.RETRIAGE.keyOf());

    static EventPublisher toOwnTopic(EventPublisher publisher) {
        return new EventPublisher() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                return topic.name().equals(Topics.RETRIAGE.name())
                        ? publisher.publish((Topic<T>) REQUESTS, record)
                        : publisher.publish(topic, record);
            }
        };
    }

    static RetriageJob.State state(Retriage retriage, String jobId) {
        return retriage.recent(TestStaff.admin("alex"), 50).stream()
                .filter(progress -> progress.job().id().equals(jobId))
                .map(progress -> progress.job().state())
                .findFirst()
                .orElse(null);
    }

    /** A random day long ago, so each test's range holds only its own mentions. */
    static Instant randomDay() {
        return Instant.parse("1990-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(10_000), ChronoUnit.DAYS);
    }

    List<String> services(MentionReceived mention) {
        return index.search().find(mention.mentionId().value()).orElseThrow().services().stream()
                .map(ServiceTag::serviceId)
                .toList();
    }

    /** Indexed by an old model that knew no services. */
    static MentionReceived old(String name, String text, Instant at) {
        var mention = new MentionReceived(
                null,
                Channel.TWITTER,
                "@trust",
                name + "-" + UUID.randomUUID(),
                null,
                null,
                new Author("1", "pat", "Pat"),
                null,
                text,
                at,
                at,
                List.of(),
                Set.of(),
                Map.of());
        assertThat(index.writer().upsertAll(List.of(MentionDocument.of(mention, oldTags(mention, at)))))
                .isEmpty();
        return mention;
    }

    static MentionTriaged oldTags(MentionReceived mention, Instant at) {
        return new MentionTriaged(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                List.of(),
                Urgency.normal(),
                List.of(),
                "old-model",
                at);
    }

    /** A document whose id does not belong to its channel and external id: triage cannot rebuild the mention. */
    static String unreadable(Instant at) {
        var mention = old("unreadable", "Parking", at);
        var document = MentionDocument.of(mention, oldTags(mention, at));
        String id = "bogus-" + UUID.randomUUID();
        var bogus = new MentionDocument(
                id,
                document.conversationId(),
                document.channel(),
                document.account(),
                document.externalId(),
                null,
                document.author(),
                null,
                document.text(),
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                document.sentiment(),
                List.of(),
                document.urgency(),
                document.urgencyRank(),
                List.of(),
                "old-model",
                at,
                null,
                null,
                null,
                null);
        assertThat(index.writer().upsertAll(List.of(bogus))).isEmpty();
        try {
            TestElasticsearch.client()
                    .delete(delete -> delete.index(MentionIndexSchema.ALIAS)
                            .id(mention.mentionId().value())
                            .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }

    /**
     * Triage's re-triage stage on the topic, in a consumer group of its own, with a tagger that knows
     * the catalogue's new "car-parking" service; its dead letters go on the shelf as the desk's consumer would put them.
     */
    final class TriageConsumer implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        TriageConsumer() {
            MentionTagger tagger = mentions -> mentions.stream()
                    .map(mention -> new MentionTriaged(
                            mention.mentionId(),
                            mention.conversationId(),
                            mention.channel(),
                            new Sentiment(Sentiment.Label.NEGATIVE, -0.5, List.of()),
                            mention.text().toLowerCase().contains("parking")
                                    ? List.of(new ServiceTag("car-parking", 0.9, List.of("parking")))
                                    : List.of(),
                            Urgency.normal(),
                            List.of(),
                            "new-model",
                            Instant.now()))
                    .toList();
            EventPublisher shelving = new EventPublisher() {
                @Override
                public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                    if (record instanceof DeadLettered letter) {
                        deadLetters.shelve(letter);
                    }
                    return CompletableFuture.completedFuture(null);
                }
            };
            var stage = new RetriageStage(tagger, index.search(), index.writer(), shelving, clock);
            var consumer = new KafkaConsumer<String, byte[]>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestKafka.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "retriage-it-" + UUID.randomUUID(),
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "latest",
                            ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                            2),
                    new StringDeserializer(),
                    new ByteArrayDeserializer());
            consumer.subscribe(List.of(REQUESTS.name()));
            // Joined before the job publishes, so "latest" misses nothing of it.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            thread = Thread.ofPlatform().name("retriage-it-triage").start(() -> {
                try (consumer) {
                    while (running.get()) {
                        var records = consumer.poll(Duration.ofMillis(100));
                        if (!records.isEmpty()) {
                            var batch = new java.util.ArrayList<
                                    org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>();
                            records.forEach(batch::add);
                            stage.process(batch);
                        }
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(10_000);
        }
    }
}
