package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditEntry;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Governance and the ward manager's feed in a real browser: opening a conversation and reading
 * through the API are in the audit log, which an admin searches; the feed pushes a manager's new
 * mentions and nobody else's.
 */
@DeskApplicationTest
class DeskAuditAndFeedIT extends BrowserDeskTest {

    @Autowired
    AuditLog auditLog;

    @Test
    void openingAConversationAndReadingItThroughTheApiAreAuditedAndAnAdminFindsThem() throws Exception {
        String word = TestMentions.uniqueWord();
        var mention =
                publish(TestMentions.tweetAbout("ward-7", "a-" + word, "Ward 7 let me sleep " + word, Instant.now()));
        String id = mention.mentionId().value();

        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url("/conversation/" + id));
        wendy.locator(".mention-text").getByText("Ward 7 let me sleep " + word).waitFor();
        assertThat(new TestApi(port)
                        .get("sam", "correct horse", "/api/mentions/" + id)
                        .statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery(null, id, null, null), 0, 10)
                                .entries())
                        .extracting(AuditEntry::actor, AuditEntry::action)
                        .contains(
                                org.assertj.core.groups.Tuple.tuple("wendy", AuditAction.CONVERSATION_OPENED),
                                org.assertj.core.groups.Tuple.tuple("sam", AuditAction.API_MENTION_READ)));

        wendy.navigate(url("/admin/audit"));
        untilVaadinIsIdle(wendy);
        assertThat(wendy.locator("#audit-entries").count())
                .as("a manager has no audit page")
                .isZero();
        wendy.context().close();

        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/audit"));
        alex.locator("#audit-mention input").fill(id);
        alex.locator("#audit-search").click();
        waitForExactText(alex.locator("#audit-total"), "2 entries");
        waitForText(alex.locator("#audit-entries"), "conversation-opened");
        waitForText(alex.locator("#audit-entries"), "api-mention-read");
        alex.context().close();
    }

    @Test
    void whatTheApiStreamSendsAndWhatTheInboxListsAreInTheAuditLog() throws Exception {
        String word = TestMentions.uniqueWord();
        Instant started = Instant.now().minusSeconds(1);
        String id;
        try (var stream = DeskApiIT.EventStream.open(new TestApi(port), TestApi.RESPONDER_TOKEN, null)) {
            id = publish(TestMentions.tweetAbout(
                            "ward-7", "s-" + word, "Streamed to an integration " + word, Instant.now()))
                    .mentionId()
                    .value();
            stream.awaitMention(id);
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery("incident-desk", id, null, null), 0, 10)
                                .entries())
                        .extracting(AuditEntry::action)
                        .contains(AuditAction.API_STREAMED));

        Page wendy = login("wendy", "ward seven");
        wendy.locator("#inbox").waitFor();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(auditLog.search(new AuditQuery("wendy", null, started, null), 0, 50)
                                .entries())
                        .filteredOn(entry -> entry.action() == AuditAction.MENTIONS_LISTED)
                        .anySatisfy(entry -> assertThat(entry.detail()).startsWith("mentions=")));
        wendy.context().close();
    }

    @Test
    void aWardManagersFeedPushesNewMentionsOfHerServicesOnly() throws Exception {
        String word = TestMentions.uniqueWord();
        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url("/feed"));
        wendy.locator("#feed").waitFor();

        var mine = publish(TestMentions.tweetAbout(
                "ward-7-bay-a", "f1-" + word, "Bay A was calm <b>" + word + "</b>", Instant.now()));
        publish(TestMentions.tweetAbout("emergency-department", "f2-" + word, "ED queue " + word, Instant.now()));

        // No reload: the mention arrives by server push, its markup shown as text.
        Locator entry =
                wendy.locator(".feed-entry[data-mention-id='" + mine.mentionId().value() + "']");
        waitForText(entry, "Bay A was calm <b>" + word + "</b>");
        // Services by name, not by id.
        waitForText(entry, "Ward 7 bay A");
        assertThat(entry.locator("b").count()).isZero();
        var other = publish(TestMentions.tweetAbout("ward-7", "f3-" + word, "Ward 7 again " + word, Instant.now()));
        wendy.locator(".feed-entry[data-mention-id='" + other.mentionId().value() + "']")
                .waitFor();
        assertThat(wendy.getByText("ED queue " + word).count()).isZero();
        assertThat(wendy.locator(".feed-entry").first().getAttribute("data-mention-id"))
                .isEqualTo(other.mentionId().value());
        wendy.context().close();
    }

    @Test
    void onlyAnAdminSeesTheAlertDeliveries() {
        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/alerts"));
        alex.locator("#alert-deliveries").waitFor();
        waitForText(alex.locator("#alerts-failed"), "failed deliveries");
        alex.context().close();

        Page sam = login("sam", "correct horse");
        sam.navigate(url("/admin/alerts"));
        untilVaadinIsIdle(sam);
        assertThat(sam.locator("#alert-deliveries").count()).isZero();
        sam.context().close();
    }

    private MentionReceived publish(MentionReceived mention) throws Exception {
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> index.find(mention.mentionId().value())
                        .filter(m -> m.triagedAt() != null)
                        .isPresent());
        return mention;
    }

    /** The page has rendered whatever the server sent for the navigation (here: a refusal). */
    private static void untilVaadinIsIdle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(client => !client.isActive())");
        page.locator("body").waitFor();
    }
}
