package org.heard.desk.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Desk instances behind a load balancer, each with its own presence and link, on the real test
 * broker: they see each other's visitors, and forget those of an instance that died.
 */
class PresenceAcrossInstancesIT {

    static final Duration QUICK_BEAT = Duration.ofMillis(300);
    static final Duration QUICK_TIMEOUT = Duration.ofSeconds(2);
    /** Generous: the machine may be busy; the conditions, not the wait, are what is tested. */
    static final Duration WAIT = Duration.ofSeconds(45);

    final List<Instance> instances = new ArrayList<>();
    final String mention = "x:" + UUID.randomUUID();

    @BeforeAll
    static void topicCarriesBeats() throws Exception {
        TestKafka.createTopics(PresenceBeat.TOPIC.name());
        // A broker started moments ago may take a while to serve a new topic: wait for a round trip
        // here, so the tests' time limits measure presence, not the broker's start.
        var tail = TestKafka.tail(PresenceBeat.TOPIC.name());
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
            var farewell = new PresenceBeat(
                    "warm-up", "warm-up", "warm-up", "nobody", "Nobody", PresenceBeat.State.LEFT, Instant.now());
            producer.send(new ProducerRecord<>(
                            PresenceBeat.TOPIC.name(), farewell.mentionId(), DeskJson.write(farewell)))
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        tail.read(1, Duration.ofSeconds(60));
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::halt);
    }

    @Test
    void peopleOnTwoInstancesSeeEachOtherViewingDraftingAndLeaving() {
        var a = start(QUICK_BEAT, QUICK_TIMEOUT);
        var b = start(QUICK_BEAT, QUICK_TIMEOUT);

        a.presence.viewing(mention, "visit-a", "sam", "Sam Patel");
        b.presence.viewing(mention, "visit-b", "wendy", "Wendy Okafor");

        await().atMost(WAIT).until(() -> names(b, "visit-b").equals(List.of("Sam Patel viewing")));
        await().atMost(WAIT).until(() -> names(a, "visit-a").equals(List.of("Wendy Okafor viewing")));

        b.presence.drafting(mention, "visit-b", "wendy", "Wendy Okafor", true);
        await().atMost(WAIT).until(() -> names(a, "visit-a").equals(List.of("Wendy Okafor drafting")));

        b.presence.left(mention, "visit-b");
        await().atMost(WAIT).until(() -> names(a, "visit-a").isEmpty());
    }

    @Test
    void aCrashedInstancesVisitorsExpireWhileALiveInstancesStay() {
        var a = start(QUICK_BEAT, QUICK_TIMEOUT);
        var b = start(QUICK_BEAT, QUICK_TIMEOUT);
        var c = start(QUICK_BEAT, QUICK_TIMEOUT);
        b.presence.drafting(mention, "visit-b", "wendy", "Wendy Okafor", true);
        c.presence.viewing(mention, "visit-c", "alex", "Alex Admin");
        await().atMost(WAIT)
                .until(() -> names(a, "none").equals(List.of("Wendy Okafor drafting", "Alex Admin viewing")));

        Instant crashed = Instant.now();
        b.halt();

        await().atMost(WAIT).until(() -> names(a, "none").equals(List.of("Alex Admin viewing")));
        // Gone only after its beats stopped for the timeout; C, opened as long ago, is kept by its heartbeats.
        assertThat(Duration.between(crashed, Instant.now())).isGreaterThanOrEqualTo(QUICK_TIMEOUT.minus(QUICK_BEAT));
    }

    @Test
    void anInstanceStoppedGracefullyTellsTheOthersAtOnce() {
        var a = start(Duration.ofSeconds(10), Duration.ofSeconds(60));
        var b = start(Duration.ofSeconds(10), Duration.ofSeconds(60));
        b.presence.viewing(mention, "visit-b", "wendy", "Wendy Okafor");
        await().atMost(WAIT).until(() -> names(a, "none").equals(List.of("Wendy Okafor viewing")));

        b.close();

        await().atMost(WAIT).until(() -> names(a, "none").isEmpty());
    }

    @Test
    void aNewInstanceKnowsAtOnceWhoIsAlreadyThere() {
        var a = start(Duration.ofMinutes(5), Duration.ofMinutes(10));
        a.presence.viewing(mention, "visit-a", "sam", "Sam Patel");
        var other = "x:" + UUID.randomUUID();
        a.presence.viewing(other, "visit-a2", "sam", "Sam Patel");
        a.presence.left(other, "visit-a2");
        await().atMost(WAIT).until(() -> a.sent() >= 3);

        // Started after the beats, long before A's next heartbeat: it reads the retained ones.
        var late = start(Duration.ofMinutes(5), Duration.ofMinutes(10));

        await().atMost(WAIT).until(() -> names(late, "none").equals(List.of("Sam Patel viewing")));
        assertThat(names(late, "none", other)).isEmpty();
    }

    private static List<String> names(Instance instance, String asking) {
        return names(instance, asking, null);
    }

    private static List<String> names(Instance instance, String asking, String mentionId) {
        return instance.presence.othersOn(mentionId == null ? instance.mention : mentionId, asking).stream()
                .map(visitor -> visitor.displayName() + (visitor.drafting() ? " drafting" : " viewing"))
                .toList();
    }

    private Instance start(Duration heartbeat, Duration timeout) {
        var instance = new Instance(mention, heartbeat, timeout);
        instances.add(instance);
        return instance;
    }

    /** One desk instance's presence: its own producer, presence and link, wired as PresenceConfiguration wires them. */
    static final class Instance {
        final String mention;
        final KafkaProducer<String, byte[]> producer;
        final AtomicInteger acknowledged = new AtomicInteger();
        final BeatSender sender;
        final Presence presence;
        final PresenceLink link;

        Instance(String mention, Duration heartbeat, Duration timeout) {
            this.mention = mention;
            producer = new KafkaProducer<>(
                    Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            TestKafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new ByteArraySerializer());
            sender = new BeatSender(publisherOver(producer, acknowledged));
            presence = new Presence(Clock.systemUTC(), UUID.randomUUID().toString(), timeout, sender);
            link = new PresenceLink(
                            presence,
                            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                            heartbeat)
                    .start();
        }

        /** The beats the broker acknowledged, so a test can wait for them instead of sleeping. */
        int sent() {
            return acknowledged.get();
        }

        void close() {
            link.close();
            sender.close();
            producer.close(Duration.ofSeconds(5));
        }

        void halt() {
            link.halt();
            sender.close();
            producer.close(Duration.ZERO);
        }
    }

    static EventPublisher publisherOver(KafkaProducer<String, byte[]> producer, AtomicInteger acknowledgedCount) {
        return new EventPublisher() {
            @Override
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                var acknowledged = new CompletableFuture<Void>();
                producer.send(
                        new ProducerRecord<>(topic.name(), topic.keyOf(record), DeskJson.write(record)),
                        (metadata, failure) -> {
                            if (failure == null) {
                                acknowledgedCount.incrementAndGet();
                                acknowledged.complete(null);
                            } else {
                                acknowledged.completeExceptionally(failure);
                            }
                        });
                return acknowledged;
            }
        };
    }
}
