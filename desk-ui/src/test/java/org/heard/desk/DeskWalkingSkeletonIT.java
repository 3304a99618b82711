package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The pipe, end to end with real parts: a mention on the Kafka mentions topic is triaged, indexed
 * in Elasticsearch, and shows in the JSON API and in the live inbox of a real browser.
 */
@DeskApplicationTest
class DeskWalkingSkeletonIT extends BrowserDeskTest {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aMentionOnTheTopicIsSearchableWithItsTags() throws Exception {
        String word = TestMentions.uniqueWord();
        var mention = TestMentions.tweet(
                "t-" + word, "Waited nine hours in A&E " + word, Instant.parse("2026-11-20T08:00:00Z"));

        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);

        JsonNode found = await().atMost(Duration.ofSeconds(60))
                .until(() -> search(word), page -> page.path("total").asLong() == 1);
        JsonNode hit = found.path("mentions").get(0);
        assertThat(hit.path("mentionId").asText()).isEqualTo(mention.mentionId().value());
        assertThat(hit.path("channel").asText()).isEqualTo("twitter");
        assertThat(hit.path("text").asText()).contains(word);
        assertThat(hit.path("publishedAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(hit.path("sentiment").path("label").asText()).isIn("negative", "neutral", "positive");
        assertThat(hit.path("urgency").path("level").asText()).isIn("immediate", "high", "normal");
        assertThat(hit.path("services").get(0).path("serviceId").asText()).isEqualTo("emergency-department");
        assertThat(hit.path("status").asText()).isEqualTo("new");
    }

    @Test
    void reIngestingTheSameMessageKeepsOneMention() throws Exception {
        String word = TestMentions.uniqueWord();
        String later = TestMentions.uniqueWord();
        var mention = TestMentions.tweet("t-" + word, "Lovely nurses on ward 7 " + word, Instant.now());
        var laterInTheSameConversation = TestMentions.reply(mention, "r-" + later, "Thank you again " + later);

        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        publisher.publish(Topics.MENTIONS, laterInTheSameConversation).get(30, TimeUnit.SECONDS);

        // One conversation, one partition, in order: once the later message is in, both copies were processed.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> search(later).path("total").asLong() == 1);
        assertThat(search(word).path("total").asLong()).isEqualTo(1);
    }

    @Test
    void theApiNeedsALogin() throws Exception {
        var anonymous =
                http.send(HttpRequest.newBuilder(api("/api/mentions")).build(), HttpResponse.BodyHandlers.ofString());
        var wrongPassword = http.send(
                HttpRequest.newBuilder(api("/api/mentions"))
                        .header("Authorization", basic("sam", "wrong"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void theInboxNeedsALoginAndShowsMentionsLive() throws Exception {
        Page page = browser.newSession();
        page.navigate("http://localhost:" + port + "/");
        page.waitForURL("**/login");

        page.getByLabel("Username").fill("sam");
        page.getByLabel("Password").first().fill("correct horse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(url -> !url.contains("login"));
        page.locator("#inbox").waitFor();
        assertThat(page.content()).contains("Sam Patel");

        String word = TestMentions.uniqueWord();
        // Other test classes share this application and index: look for this mention's word, as staff would.
        page.locator("#inbox-search input").fill(word);
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#inbox-total"))
                .hasText("0 mentions");
        String hostile = "<img src=x onerror=\"document.title='pwned'\"><b>" + word + "</b>";
        publisher
                .publish(Topics.MENTIONS, TestMentions.tweet("t-" + word, hostile, Instant.now()))
                .get(30, TimeUnit.SECONDS);

        // No reload: the row arrives by server push.
        page.getByText(word, new Page.GetByTextOptions().setExact(false))
                .first()
                .waitFor();
        assertThat(page.getByText("<b>" + word + "</b>", new Page.GetByTextOptions().setExact(false))
                        .count())
                .isPositive();
        assertThat(page.title()).isNotEqualTo("pwned");
        assertThat(page.locator("#inbox img").count()).isZero();
        page.context().close();
    }

    private JsonNode search(String words) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(api(
                                "/api/mentions?size=10&q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8)))
                        .header("Authorization", basic("sam", "correct horse"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return DeskJson.mapper().readTree(response.body());
    }

    private URI api(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
