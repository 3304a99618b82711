package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TagWriter;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API as integrations use it, against the running desk with real Kafka and Elasticsearch:
 * tokens, scope, stable pages, idempotent replies, the mention stream and the OpenAPI description.
 * Mentions are indexed and announced the way triage does it (index, then the triaged event), so
 * these tests do not wait for the NLP models.
 */
@DeskApplicationTest
class DeskApiIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    TagWriter index;

    @Autowired
    @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    TestApi api;
    String word;

    @BeforeEach
    void anApiClient() {
        api = new TestApi(port);
        word = TestMentions.uniqueWord();
    }

    @Test
    void aCallerWithoutAKnownTokenOrPasswordIsRefused() throws Exception {
        var anonymous = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(api.uri("/api/mentions")).build(), HttpResponse.BodyHandlers.ofString());
        var unknownToken = api.getAs("heard_not-a-token-we-issued", "/api/mentions");
        var tokenAsPassword = api.get("incident-desk", TestApi.RESPONDER_TOKEN, "/api/mentions");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer"));
        assertThat(unknownToken.statusCode()).isEqualTo(401);
        assertThat(unknownToken.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
        assertThat(tokenAsPassword.statusCode()).isEqualTo(401);
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions").statusCode())
                .isEqualTo(200);
        assertThat(api.get("sam", "correct horse", "/api/mentions").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aManagerScopedTokenReachesItsServicesAndNothingElse() throws Exception {
        var mine = triaged("ward-7-bay-a", "Bay A were wonderful " + word, Instant.now());
        var other = triaged("emergency-department", "Nine hours waiting " + word, Instant.now());

        var found = api.json(api.getAs(TestApi.WARD_SEVEN_TOKEN, "/api/mentions?q=" + word), 200);
        var widened = api.json(
                api.getAs(TestApi.WARD_SEVEN_TOKEN, "/api/mentions?q=" + word + "&service=emergency-department"), 200);

        assertThat(ids(found)).containsExactly(mine.mentionId().value());
        assertThat(widened.path("total").asLong()).isZero();
        assertThat(api.getAs(
                                TestApi.WARD_SEVEN_TOKEN,
                                "/api/mentions/" + other.mentionId().value())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.getAs(
                                TestApi.WARD_SEVEN_TOKEN,
                                "/api/conversations/" + other.conversationId().value())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.postAs(
                                TestApi.WARD_SEVEN_TOKEN,
                                "/api/mentions/" + other.mentionId().value() + "/replies",
                                null,
                                "{\"text\":\"We are looking into your wait today " + word + "\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.getAs(
                                TestApi.WARD_SEVEN_TOKEN,
                                "/api/mentions/" + mine.mentionId().value())
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.getAs(
                                TestApi.RESPONDER_TOKEN,
                                "/api/mentions/" + other.mentionId().value())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pagesNeitherRepeatNorSkipAMentionWhileNewOnesArrive() throws Exception {
        Instant base = Instant.parse("2026-10-01T09:00:00Z");
        var originals = new ArrayList<String>();
        for (int i = 0; i < 12; i++) {
            originals.add(triaged("ward-7", "Visit number " + i + " " + word, base.plus(i, ChronoUnit.MINUTES))
                    .mentionId()
                    .value());
        }
        var seen = new ArrayList<String>();
        var page = api.json(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?size=5&q=" + word), 200);
        seen.addAll(ids(page));

        // While the client pages: one mention newer than everything, one among those not read yet, one older than all.
        triaged("ward-7", "Arrived newest " + word, base.plus(1, ChronoUnit.HOURS));
        var among = triaged("ward-7", "Arrived among the rest " + word, base.plus(150, ChronoUnit.SECONDS))
                .mentionId()
                .value();
        var oldest = triaged("ward-7", "Arrived oldest " + word, base.minus(1, ChronoUnit.HOURS))
                .mentionId()
                .value();

        int pages = 1;
        while (!page.path("next").isNull()) {
            String next = page.path("next").asText();
            assertThat(next).startsWith("/api/mentions?").contains("q=" + word).contains("size=5");
            page = api.json(api.getAs(TestApi.RESPONDER_TOKEN, next), 200);
            seen.addAll(ids(page));
            pages++;
        }

        assertThat(new HashSet<>(seen)).as("no mention twice").hasSameSizeAs(seen);
        assertThat(seen).as("no mention skipped").containsAll(originals).contains(among, oldest);
        assertThat(seen).hasSize(14);
        assertThat(pages).isEqualTo(3);
        assertThat(page.path("total").asLong()).isEqualTo(15);
    }

    @Test
    void pagesAreCappedAndCursorsChecked() throws Exception {
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?size=101").statusCode())
                .isEqualTo(400);
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?cursor=not-a-cursor")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?sort=urgency")
                        .statusCode())
                .isEqualTo(400);
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?from=yesterday")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void errorsAreProblemDetailsThatSayWhatIsAllowed() throws Exception {
        var badChannel = api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?channel=fax");
        var missing = api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions/no-such-mention-" + word);

        assertThat(badChannel.statusCode()).isEqualTo(400);
        assertThat(badChannel.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = DeskJson.mapper().readTree(badChannel.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asText()).contains("fax").contains("walk-in");
        assertThat(problem.has("error")).isFalse();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(DeskJson.mapper().readTree(missing.body()).path("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void aMentionComesInTheApisOwnShapeWithoutWhatTheIndexKeepsForItself() throws Exception {
        var at = Instant.now();
        var email = new MentionReceived(
                null,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                "<api-" + UUID.randomUUID() + ">",
                null,
                null,
                new Author("pat@example.org", null, "Pat"),
                "Ward 5",
                "The waiting room was freezing " + word,
                at,
                at,
                List.of("ward-7"),
                Set.of(),
                Map.of(
                        "fullText",
                        "The waiting room was freezing " + word + "\n> quoted earlier mail",
                        "mailbox",
                        "feedback@trust.nhs.uk"));
        var tags = new MentionTriaged(
                email.mentionId(),
                email.conversationId(),
                Channel.EMAIL,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.7, List.of()),
                List.of(new ServiceTag("ward-7", 0.9, List.of())),
                new Urgency(Urgency.Level.HIGH, List.of()),
                List.of(),
                "model-7",
                at);
        assertThat(index.upsertAll(List.of(MentionDocument.of(email, tags)))).isEmpty();

        var mention = api.json(
                api.getAs(
                        TestApi.RESPONDER_TOKEN,
                        "/api/mentions/" + email.mentionId().value()),
                200);
        var found = api.json(
                api.getAs(TestApi.RESPONDER_TOKEN, "/api/mentions?channel=email&urgency=high&status=new&q=" + word),
                200);

        assertThat(mention.path("channel").asText()).isEqualTo("email");
        assertThat(mention.path("urgency").path("level").asText()).isEqualTo("high");
        assertThat(mention.path("status").asText()).isEqualTo("new");
        assertThat(mention.path("attributes").path("mailbox").asText()).isEqualTo("feedback@trust.nhs.uk");
        assertThat(mention.has("urgencyRank")).isFalse();
        assertThat(mention.has("model")).isFalse();
        assertThat(mention.path("attributes").has("fullText")).isFalse();
        assertThat(ids(found)).containsExactly(email.mentionId().value());
    }

    @Test
    void aRetriedReplyWithTheSameIdempotencyKeyIsSentOnce() throws Exception {
        var mention = triaged("emergency-department", "Still waiting for a bed " + word, Instant.now());
        String path = "/api/mentions/" + mention.mentionId().value() + "/replies";
        String body =
                "{\"text\":\"I am sorry you are still waiting, I have asked the nurse in charge to come and see you "
                        + word + "\"}";
        String key = UUID.randomUUID().toString();
        var before = endOffsets(Topics.REPLIES.name());

        var first = api.json(api.postAs(TestApi.RESPONDER_TOKEN, path, key, body), 202);
        var retried = api.postAs(TestApi.RESPONDER_TOKEN, path, key, body);
        var otherRequest =
                api.postAs(TestApi.RESPONDER_TOKEN, path, key, "{\"text\":\"Something else entirely " + word + "\"}");

        assertThat(first.path("text").asText()).endsWith("— Incident Desk, Patient Experience Team");
        assertThat(api.json(retried, 202).path("replyId").asText())
                .isEqualTo(first.path("replyId").asText());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(otherRequest.statusCode()).isEqualTo(422);
        assertThat(replyRequestsSince(before, mention.mentionId().value())).isEqualTo(1);
    }

    @Test
    void warningsAreAcknowledgedByKindBeforeAReplyGoesOut() throws Exception {
        var mention = triaged("emergency-department", "Nobody told us anything " + word, Instant.now());
        String path = "/api/mentions/" + mention.mentionId().value() + "/replies";
        String text =
                "Nobody should be left without news of a relative for a whole night; contact PALS, who will follow the"
                        + " handover notes up with matron " + word;

        var unacknowledged =
                api.json(api.postAs(TestApi.RESPONDER_TOKEN, path, "k-" + word, "{\"text\":\"" + text + "\"}"), 409);
        var otherKind = api.postAs(
                TestApi.RESPONDER_TOKEN,
                path,
                "k-" + word,
                "{\"text\":\"" + text + "\",\"acknowledgedWarnings\":[\"copy-paste\"]}");
        var acknowledged = api.postAs(
                TestApi.RESPONDER_TOKEN,
                path,
                "k-" + word,
                "{\"text\":\"" + text + "\",\"acknowledgedWarnings\":[\"deflection\"]}");

        assertThat(unacknowledged.path("state").asText()).isEqualTo("needs-confirmation");
        assertThat(unacknowledged.path("warnings").get(0).path("kind").asText()).isEqualTo("deflection");
        assertThat(otherKind.statusCode()).isEqualTo(409);
        // The refused attempts sent nothing, so the same key is free for the acknowledged one.
        assertThat(api.json(acknowledged, 202)
                        .path("warnings")
                        .get(0)
                        .path("kind")
                        .asText())
                .isEqualTo("deflection");
    }

    @Test
    void anIntegrationReadsTheConversationWithoutStaffsInternalNotes() throws Exception {
        var mention = triaged("ward-7", "The discharge letter never came " + word, Instant.now());
        String conversation = "/api/conversations/" + mention.conversationId().value();
        assertThat(api.post(
                                "sam",
                                "correct horse",
                                "/api/mentions/" + mention.mentionId().value() + "/notes",
                                "{\"text\":\"Daughter is a nurse here " + word + "\"}")
                        .statusCode())
                .isEqualTo(204);
        api.json(
                api.postAs(
                        TestApi.RESPONDER_TOKEN,
                        "/api/mentions/" + mention.mentionId().value() + "/replies",
                        null,
                        "{\"text\":\"I have chased your discharge letter with the ward clerk this morning " + word
                                + "\"}"),
                202);

        var asIntegration = api.json(api.getAs(TestApi.RESPONDER_TOKEN, conversation), 200);
        var asStaff = api.json(api.get("sam", "correct horse", conversation), 200);

        assertThat(asIntegration.path("mentions").get(0).path("mentionId").asText())
                .isEqualTo(mention.mentionId().value());
        assertThat(kinds(asIntegration)).contains("reply-requested").doesNotContain("note");
        var reply = find(asIntegration, "reply-requested");
        assertThat(reply.path("actor").asText()).isEqualTo("incident-desk");
        assertThat(reply.path("text").asText())
                .contains("discharge letter")
                .endsWith("Incident Desk, Patient Experience Team");
        assertThat(reply.path("details").path("replyId").asText()).isNotBlank();
        assertThat(kinds(asStaff)).contains("note", "reply-requested");
    }

    @Test
    void theStreamSendsNewMentionsInScopeAndResumesAfterTheLastEvent() throws Exception {
        try (var everything = EventStream.open(api, TestApi.RESPONDER_TOKEN, null);
                var wardSeven = EventStream.open(api, TestApi.WARD_SEVEN_TOKEN, null)) {
            var other = triaged("emergency-department", "Ambulance queue again " + word, Instant.now());
            // Deliveries go out in the order mentions are announced: once the responder has this one,
            // the ward's stream has passed it too.
            everything.awaitMention(other.mentionId().value());
            var mine = triaged("ward-7", "Thank you ward 7 " + word, Instant.now());
            var event = wardSeven.awaitMention(mine.mentionId().value());

            assertThat(wardSeven.mentions()).doesNotContain(other.mentionId().value());
            assertThat(event.data()).contains("\"conversationId\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> wardSeven.lines().contains(":heartbeat"));

            wardSeven.close();
            var missed = triaged("ward-7-bay-a", "Bay A kept us informed " + word, Instant.now());
            everything.awaitMention(missed.mentionId().value());
            try (var resumed = EventStream.open(api, TestApi.WARD_SEVEN_TOKEN, event.id())) {
                resumed.awaitMention(missed.mentionId().value());
                assertThat(resumed.mentions()).doesNotContain(other.mentionId().value());
            }
        }
    }

    @Test
    void theOpenApiDescriptionIsBehindTheLoginAndListsEveryApiMapping() throws Exception {
        var anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(api.uri("/api/openapi.json")).build(),
                        HttpResponse.BodyHandlers.ofString());
        var description = api.json(api.getAs(TestApi.RESPONDER_TOKEN, "/api/openapi.json"), 200);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(description.path("openapi").asText()).startsWith("3.");
        assertThat(description
                        .path("components")
                        .path("securitySchemes")
                        .path("token")
                        .path("scheme")
                        .asText())
                .isEqualTo("bearer");
        var described = new TreeSet<String>();
        description
                .path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> described.add(method.getKey().toUpperCase() + " " + path.getKey())));
        var mapped = new TreeSet<String>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(pattern -> pattern.startsWith("/api/") && !pattern.startsWith("/api/openapi.json"))
                        .forEach(pattern -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method -> mapped.add(method.name() + " " + pattern))));
        assertThat(mapped)
                .contains(
                        "GET /api/mentions",
                        "GET /api/mentions/stream",
                        "POST /api/mentions/{mentionId}/replies",
                        "GET /api/conversations/{conversationId}");
        assertThat(described).isEqualTo(mapped);
    }

    /** Indexes a mention and announces it, as triage does once it has tagged one. */
    private MentionReceived triaged(String service, String text, Instant publishedAt) throws Exception {
        var received = TestMentions.tweetAbout(service, "api-" + UUID.randomUUID(), text, publishedAt);
        var tags = new MentionTriaged(
                received.mentionId(),
                received.conversationId(),
                received.channel(),
                new Sentiment(Sentiment.Label.NEGATIVE, 0.9, List.of()),
                List.of(new ServiceTag(service, 1.0, List.of(service))),
                Urgency.normal(),
                List.of(),
                "test",
                Instant.now());
        assertThat(index.upsertAll(List.of(MentionDocument.of(received, tags)))).isEmpty();
        publisher.publish(Topics.TRIAGED, tags).get(30, TimeUnit.SECONDS);
        return received;
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.path("mentions")
                .forEach(mention -> ids.add(mention.path("mentionId").asText()));
        return ids;
    }

    private static List<String> kinds(JsonNode conversation) {
        var kinds = new ArrayList<String>();
        conversation
                .path("history")
                .forEach(entry -> kinds.add(entry.path("kind").asText()));
        return kinds;
    }

    private static JsonNode find(JsonNode conversation, String kind) {
        for (var entry : conversation.path("history")) {
            if (entry.path("kind").asText().equals(kind)) {
                return entry;
            }
        }
        throw new AssertionError("No " + kind + " in " + conversation);
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (var consumer = consumer()) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    /** Every ReplyRequested for the mention published since the offsets: all of them, not just the first to arrive. */
    private static long replyRequestsSince(Map<TopicPartition, Long> start, String mentionId) {
        String topic = start.keySet().iterator().next().topic();
        var end = endOffsets(topic);
        long count = 0;
        try (var consumer = consumer()) {
            consumer.assign(start.keySet());
            start.forEach(consumer::seek);
            var remaining = new HashMap<>(end);
            while (remaining.entrySet().stream()
                    .anyMatch(entry -> consumer.position(entry.getKey()) < entry.getValue())) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null && record.value().contains(mentionId)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new StringDeserializer());
    }

    /** A client of the mention stream, reading its lines as they come. */
    static final class EventStream implements AutoCloseable, Flow.Subscriber<String> {

        record Event(String id, String name, String data) {}

        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newHttpClient();
        private volatile Flow.Subscription subscription;

        static EventStream open(TestApi api, String token, String lastEventId) {
            var stream = new EventStream();
            var request = HttpRequest.newBuilder(api.uri("/api/mentions/stream"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            stream.http.sendAsync(request.build(), HttpResponse.BodyHandlers.fromLineSubscriber(stream));
            // The stream says so once it is subscribed to the feed.
            await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines.contains(":connected"));
            return stream;
        }

        List<String> lines() {
            return lines;
        }

        List<Event> events() {
            var events = new ArrayList<Event>();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : lines) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
            return events;
        }

        Set<String> mentions() {
            var ids = new HashSet<String>();
            for (var event : events()) {
                ids.add(org.heard.contracts.DeskJson.mapper()
                        .readTree(event.data())
                        .path("mentionId")
                        .asText());
            }
            return ids;
        }

        Event awaitMention(String mentionId) {
            return await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> events().stream()
                                    .filter(event -> "mention".equals(event.name())
                                            && event.data().contains(mentionId))
                                    .findFirst()
                                    .orElse(null),
                            event -> event != null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}

        @Override
        public void close() {
            if (subscription != null) {
                subscription.cancel();
            }
            // Closes the connection itself, so the desk sees the client gone at its next heartbeat.
            http.shutdownNow();
        }
    }
}
