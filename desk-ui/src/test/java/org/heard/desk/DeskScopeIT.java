package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scope and replies are enforced on the server: a ward manager reaches her ward's mentions (and
 * those of the bay below it) and nothing else, through the API as through the desk, even by id.
 */
@DeskApplicationTest
class DeskScopeIT {

    @Autowired
    EventPublisher publisher;

    @Autowired
    MentionSearch index;

    @Autowired
    ActivityLog activity;

    @LocalServerPort
    int port;

    TestApi api;
    String word;
    MentionReceived bayA;
    MentionReceived emergency;

    @BeforeEach
    void twoMentionsOfDifferentServices() throws Exception {
        TriageWarmUp.untilTriaging(publisher, index);
        api = new TestApi(port);
        word = TestMentions.uniqueWord();
        bayA = TestMentions.tweetAbout(
                "ward-7-bay-a", "a-" + word, "The night staff in bay A were kind " + word, Instant.now());
        emergency = TestMentions.tweetAbout(
                "emergency-department", "e-" + word, "Nine hours on a trolley " + word, Instant.now());
        publisher.publish(Topics.MENTIONS, bayA).get(30, TimeUnit.SECONDS);
        publisher.publish(Topics.MENTIONS, emergency).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.search("sam", "correct horse", TestApi.q(word))
                                .path("total")
                                .asLong()
                        == 2);
    }

    @Test
    void aWardManagerFindsHerWardAndTheBayBelowItButNoOtherService() throws Exception {
        var found = api.search("wendy", "ward seven", TestApi.q(word));

        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("mentions").get(0).path("mentionId").asText())
                .isEqualTo(bayA.mentionId().value());
    }

    @Test
    void aManagerCannotWidenHerScopeWithAServiceFilter() throws Exception {
        var found = api.search("wendy", "ward seven", TestApi.q(word) + "&service=emergency-department");

        assertThat(found.path("total").asLong()).isZero();
    }

    @Test
    void aManagerCannotReadAnotherServicesMentionById() throws Exception {
        assertThat(api.get(
                                "wendy",
                                "ward seven",
                                "/api/mentions/" + emergency.mentionId().value())
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(
                                "wendy",
                                "ward seven",
                                "/api/mentions/" + bayA.mentionId().value())
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(
                                "sam",
                                "correct horse",
                                "/api/mentions/" + emergency.mentionId().value())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aManagerCannotReplyToAnotherServicesMention() throws Exception {
        var response = api.post(
                "wendy",
                "ward seven",
                "/api/mentions/" + emergency.mentionId().value() + "/replies",
                "{\"text\":\"I am so sorry about your wait, I will look into it today.\",\"deliberately\":true}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(activity.ofConversation(emergency.conversationId().value())).isEmpty();
    }

    @Test
    void aManagerWorksHerOwnMentionsButCannotTouchOthers() throws Exception {
        String other = "/api/mentions/" + emergency.mentionId().value();
        String mine = "/api/mentions/" + bayA.mentionId().value();

        assertThat(api.post("wendy", "ward seven", other + "/status", "{\"status\":\"closed\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post("wendy", "ward seven", other + "/notes", "{\"text\":\"not mine\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post("wendy", "ward seven", mine + "/notes", "{\"text\":\"Spoke to the night sister\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(api.post("wendy", "ward seven", mine + "/assignee", "{\"assignee\":\"wendy\"}")
                        .statusCode())
                .isEqualTo(204);

        var read = org.heard.contracts.DeskJson.mapper()
                .readTree(api.get("wendy", "ward seven", mine).body());
        assertThat(read.path("assignee").asText()).isEqualTo("wendy");
        assertThat(read.path("status").asText()).isEqualTo("in-progress");
        assertThat(activity.ofConversation(bayA.conversationId().value())).anySatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(Activity.Kind.NOTE);
            assertThat(entry.actor()).isEqualTo("wendy");
            assertThat(entry.text()).isEqualTo("Spoke to the night sister");
        });
        assertThat(activity.ofConversation(emergency.conversationId().value())).isEmpty();
    }

    @Test
    void aTagCorrectionShowsAtOnceAndIsKeptAsLabelledData() throws Exception {
        String mine = "/api/mentions/" + bayA.mentionId().value();

        var corrected =
                api.post("wendy", "ward seven", mine + "/corrections", "{\"field\":\"urgency\",\"value\":\"high\"}");
        var outOfScope = api.post(
                "wendy", "ward seven", mine + "/corrections", "{\"field\":\"service\",\"value\":\"maternity\"}");
        var unknown = api.post(
                "wendy", "ward seven", mine + "/corrections", "{\"field\":\"sentiment\",\"value\":\"furious\"}");

        assertThat(corrected.statusCode()).isEqualTo(204);
        assertThat(outOfScope.statusCode()).isEqualTo(422);
        assertThat(unknown.statusCode()).isEqualTo(400);
        var read = org.heard.contracts.DeskJson.mapper()
                .readTree(api.get("sam", "correct horse", mine).body());
        assertThat(read.path("urgency").path("level").asText()).isEqualTo("high");
        assertThat(read.has("urgencyRank"))
                .as("the index's sort key is not part of the API's mention")
                .isFalse();
        assertThat(index.find(bayA.mentionId().value()).orElseThrow().urgencyRank())
                .as("the inbox order follows at once")
                .isEqualTo(1);
        assertThat(read.path("services").get(0).path("serviceId").asText()).isNotEqualTo("maternity");
        var labelled = activity.ofConversation(bayA.conversationId().value()).stream()
                .filter(entry -> entry.kind() == Activity.Kind.TAG_CORRECTED)
                .toList();
        assertThat(labelled).singleElement().satisfies(entry -> {
            assertThat(entry.detail("field")).isEqualTo("urgency");
            assertThat(entry.detail("to")).isEqualTo("high");
            assertThat(entry.detail("from")).isNotBlank();
            assertThat(entry.text()).contains("bay A were kind");
        });
    }

    @Test
    void aDeflectionIsShownFirstAndTheDeliberateSendIsRecordedWithTheWarning() throws Exception {
        String path = "/api/mentions/" + emergency.mentionId().value() + "/replies";
        String draft = "Sorry to hear this. Please contact PALS about your wait " + word;

        var first = api.post("sam", "correct horse", path, "{\"text\":\"" + draft + "\"}");
        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(first.body()).contains("sends the patient elsewhere", "direct message");
        assertThat(activity.ofConversation(emergency.conversationId().value())).isEmpty();

        var second = api.post("sam", "correct horse", path, "{\"text\":\"" + draft + "\",\"deliberately\":true}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(202);

        var history = activity.ofConversation(emergency.conversationId().value());
        var requested = history.stream()
                .filter(entry -> entry.kind() == Activity.Kind.REPLY_REQUESTED)
                .findFirst()
                .orElseThrow();
        assertThat(requested.actor()).isEqualTo("sam");
        assertThat(requested.text()).endsWith("— Sam Patel, Patient Experience Lead");
        assertThat(requested.detail("warnings")).isEqualTo("deflection");
        assertThat(requested.detail("choice")).isEqualTo("sent despite warnings");
    }

    @Test
    void aReplyNoSenderCanDeliverShowsAsFailedNotLost() throws Exception {
        // No X sender runs in this test application: the dispatcher reports the reply failed.
        var response = api.post(
                "sam",
                "correct horse",
                "/api/mentions/" + bayA.mentionId().value() + "/replies",
                "{\"text\":\"Thank you, I have passed your words to the bay A team " + word + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> activity.ofConversation(bayA.conversationId().value()).stream()
                        .anyMatch(entry -> entry.kind() == Activity.Kind.REPLY_FAILED));
        var failed = activity.ofConversation(bayA.conversationId().value()).stream()
                .filter(entry -> entry.kind() == Activity.Kind.REPLY_FAILED)
                .findFirst()
                .orElseThrow();
        assertThat(failed.text()).contains("twitter");
    }

    @Test
    void aCopyOfARecentReplyIsFlaggedWithHowSimilarAndHowOften() throws Exception {
        String template =
                "Thank you for your feedback, we are sorry to hear about your experience and will share it with the team "
                        + word;
        var first = api.post(
                "sam",
                "correct horse",
                "/api/mentions/" + bayA.mentionId().value() + "/replies",
                "{\"text\":\"" + template + "\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);

        var copy = api.post(
                "sam",
                "correct horse",
                "/api/mentions/" + emergency.mentionId().value() + "/replies",
                "{\"text\":\"" + template + "!\"}");

        assertThat(copy.statusCode()).isEqualTo(409);
        assertThat(copy.body()).contains("100% similar to 1 recent reply");
    }
}
