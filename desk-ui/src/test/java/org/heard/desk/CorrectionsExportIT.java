package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TagWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Staff's tag corrections come out as JSON Lines for retraining, one line per corrected mention with
 * the latest value of each corrected tag, from the running desk's activity log on a real
 * Elasticsearch node; only an admin may export them.
 */
@DeskApplicationTest
class CorrectionsExportIT {

    @Autowired
    TagWriter index;

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
    void eachCorrectedMentionIsOneLineWithTheLatestValueOfEachTag() throws Exception {
        var feelings = indexed("ward-7", "The nurses on ward 7 were lovely " + word);
        var place = indexed("emergency-department", "The waiting room was freezing " + word);
        var untouched = indexed("ward-7", "Nothing to correct here " + word);
        correct(feelings, "sentiment", "neutral");
        correct(feelings, "urgency", "high");
        correct(feelings, "sentiment", "positive");
        correct(place, "service", "ward-7");

        var lines = export("/api/corrections");

        assertThat(lines).doesNotContainKey(untouched.mentionId().value());
        var first = lines.get(feelings.mentionId().value());
        assertThat(first.path("text").asText()).contains("The nurses on ward 7 were lovely " + word);
        assertThat(first.path("channel").asText()).isEqualTo("twitter");
        assertThat(first.path("sentiment").asText()).isEqualTo("positive");
        assertThat(first.path("urgency").asText()).isEqualTo("high");
        assertThat(first.has("services")).isFalse();
        assertThat(Instant.parse(first.path("correctedAt").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        var second = lines.get(place.mentionId().value());
        assertThat(second.path("services")).extracting(JsonNode::asText).containsExactly("ward-7");
        assertThat(second.has("sentiment")).isFalse();
        assertThat(second.has("urgency")).isFalse();
    }

    @Test
    void onlyCorrectionsSinceAreExportedWhenAsked() throws Exception {
        var before = indexed("ward-7", "Corrected long ago " + word);
        correct(before, "urgency", "normal");
        Instant since = Instant.now();
        var after = indexed("ward-7", "Corrected just now " + word);
        correct(after, "urgency", "immediate");

        var lines = export("/api/corrections?from=" + since);

        assertThat(lines)
                .containsKey(after.mentionId().value())
                .doesNotContainKey(before.mentionId().value());
    }

    @Test
    void onlyAnAdminMayExportThem() throws Exception {
        assertThat(api.get("sam", "correct horse", "/api/corrections").statusCode())
                .isEqualTo(403);
        assertThat(api.getAs(TestApi.RESPONDER_TOKEN, "/api/corrections").statusCode())
                .isEqualTo(403);
        assertThat(api.get("alex", "admin pass", "/api/corrections").statusCode())
                .isEqualTo(200);
    }

    private Map<String, JsonNode> export(String path) throws Exception {
        var response = api.get("alex", "admin pass", path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        var lines = new LinkedHashMap<String, JsonNode>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                var json = DeskJson.mapper().readTree(line);
                assertThat(lines.put(json.path("id").asText(), json))
                        .as("one line per mention")
                        .isNull();
            }
        }
        return lines;
    }

    private void correct(MentionReceived mention, String field, String value) throws Exception {
        var answer = api.post(
                "sam",
                "correct horse",
                "/api/mentions/" + mention.mentionId().value() + "/corrections",
                "{\"field\":\"" + field + "\",\"value\":\"" + value + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
    }

    private MentionReceived indexed(String service, String text) {
        var received = TestMentions.tweetAbout(service, "corrections-" + UUID.randomUUID(), text, Instant.now());
        var tags = new MentionTriaged(
                received.mentionId(),
                received.conversationId(),
                received.channel(),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.5, List.of()),
                List.of(new ServiceTag(service, 0.8, List.of())),
                Urgency.normal(),
                List.of(),
                "test",
                Instant.now());
        assertThat(index.upsertAll(List.of(MentionDocument.of(received, tags)))).isEmpty();
        return received;
    }
}
