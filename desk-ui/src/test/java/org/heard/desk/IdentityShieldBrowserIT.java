package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.audit.AuditQuery;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.security.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Complaining must not cost anyone their care: a ward manager (shielded by default) reads what a
 * patient's relative wrote about her ward in the inbox, the live feed and the conversation, and
 * nothing that identifies the writer reaches her browser — not in the page's HTML, not in the
 * requests' answers, not in what the server pushes — nor her integration's API answers. The
 * communications team reveals the author for a stated reason; then the manager sees it, and the
 * audit log has it.
 */
@DeskApplicationTest
class IdentityShieldBrowserIT extends BrowserDeskTest {

    static final Author DOROTHY = new Author("dorothy.p@mail.example", "dorothy.p@mail.example", "Dorothy Pennington");
    /** What identifies her: none of it may reach the manager until revealed. */
    static final List<String> IDENTIFYING =
            List.of("Dorothy", "Pennington", "dorothy.p@mail.example", "07700 900123", "943 476 5919", "SW1A 1AA");

    @Autowired
    MentionWork work;

    @Autowired
    AuditLog audit;

    @Test
    void aWardManagerReadsWhatWasSaidButNothingThatIdentifiesTheWriterUntilTheCommunicationsTeamRevealsIt()
            throws Exception {
        String word = TestMentions.uniqueWord();
        var complaint = publish(email(
                "c-" + word,
                "Ward 7 and my mother",
                "My mother was on ward 7 and nobody answered the call bell. "
                        + "Please call me on 07700 900123, her NHS number is 943 476 5919 and we live at SW1A 1AA. Dorothy "
                        + word));
        awaitIndexed(complaint);
        assertThat(work.note(
                        TestStaff.responder("sam"),
                        complaint.mentionId().value(),
                        "Called Dorothy back on 07700 900123"))
                .isInstanceOf(MentionWork.Outcome.Done.class);

        var traffic = new StringBuffer();
        Page wendy = browser.newSession();
        wendy.onWebSocket(socket ->
                socket.onFrameReceived(frame -> traffic.append(frame.text()).append('\n')));
        wendy.onResponse(response -> {
            if (response.url().contains("v-r=")) {
                try {
                    traffic.append(response.text()).append('\n');
                } catch (RuntimeException gone) {
                    traffic.append("(unreadable)\n");
                }
            }
        });
        signIn(wendy, "wendy", "ward seven");

        wendy.locator("#inbox-search input").fill(word);
        wendy.locator("#inbox-search input").press("Enter");
        wendy.getByText("nobody answered the call bell", new Page.GetByTextOptions().setExact(false))
                .first()
                .waitFor();
        assertThat(wendy.locator("#inbox").textContent())
                .contains(org.heard.desk.mentions.IdentityShield.NAME_WITHHELD);
        nothingIdentifying(wendy.content(), "the inbox's HTML");

        wendy.navigate(url("/feed"));
        wendy.locator(".feed-entry[data-mention-id='" + complaint.mentionId().value() + "']")
                .waitFor();
        var again = publish(email(
                "d-" + word,
                "Still waiting",
                "Dorothy Pennington again: still waiting for a call back on 07700 900123 " + word));
        // No reload: the new mention arrives by server push, masked.
        var pushed = wendy.locator(
                ".feed-entry[data-mention-id='" + again.mentionId().value() + "']");
        waitForText(pushed, "[name] again: still waiting for a call back on");
        nothingIdentifying(wendy.content(), "the feed's HTML");

        wendy.navigate(url("/conversation/" + complaint.mentionId().value()));
        waitForText(wendy.locator(".mention-text"), "nobody answered the call bell");
        waitForText(wendy.locator("#identity .identity-withheld"), "Author withheld");
        assertThat(wendy.locator("#conversation-title").textContent())
                .isEqualTo(org.heard.desk.mentions.IdentityShield.NAME_WITHHELD);
        waitForText(wendy.locator(".history-note"), "Called [name] back on");
        assertThat(wendy.locator("#reveal-identity").count())
                .as("a manager cannot reveal")
                .isZero();
        nothingIdentifying(wendy.content(), "the conversation's HTML");
        assertThat(traffic.length()).as("the browser's traffic was captured").isGreaterThan(1000);
        nothingIdentifying(traffic.toString(), "the requests' answers and the server's pushes");

        var api = new TestApi(port);
        String found =
                api.getAs(TestApi.WARD_SEVEN_TOKEN, "/api/mentions?q=" + word).body();
        assertThat(found).contains(complaint.mentionId().value()).contains("nobody answered the call bell");
        nothingIdentifying(found, "the API's search");
        nothingIdentifying(
                api.getAs(
                                TestApi.WARD_SEVEN_TOKEN,
                                "/api/mentions/" + complaint.mentionId().value())
                        .body(),
                "the API's mention");
        assertThat(api.getAs(TestApi.WARD_SEVEN_TOKEN, "/api/mentions?q=Pennington")
                        .body())
                .as("not found by the author's name")
                .doesNotContain(complaint.mentionId().value());
        assertThat(api.get("sam", "correct horse", "/api/mentions?q=" + word).body())
                .as("the communications team sees who wrote it")
                .contains("Dorothy Pennington");

        Page sam = login("sam", "correct horse");
        sam.navigate(url("/conversation/" + complaint.mentionId().value()));
        sam.locator("#reveal-identity").click();
        sam.locator("#reveal-reason textarea").fill("ok");
        sam.locator("#reveal-confirm").click();
        waitForText(sam.locator("#reveal-reason"), "Say why the team needs to know");
        sam.locator("#reveal-reason textarea").fill("The ward must return her mother's hearing aid to her");
        sam.locator("#reveal-confirm").click();
        waitForText(sam.locator("#identity .identity-revealed"), "by Sam Patel");

        wendy.reload();
        waitForText(
                wendy.locator("#identity .identity-revealed"), "The ward must return her mother's hearing aid to her");
        waitForText(wendy.locator(".mention-text"), "07700 900123");
        waitForExactText(wendy.locator("#conversation-title"), "Dorothy Pennington");
        awaitAudited(complaint);
        sam.context().close();
        wendy.context().close();
    }

    private void signIn(Page page, String username, String password) {
        page.navigate(url("/"));
        page.waitForURL("**/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").first().fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(address -> !address.contains("login"));
        page.locator("#inbox").waitFor();
    }

    private static void nothingIdentifying(String seen, String where) {
        for (String identifying : IDENTIFYING) {
            assertThat(seen).as("%s must not hold %s", where, identifying).doesNotContain(identifying);
        }
    }

    private void awaitIndexed(MentionReceived mention) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (index.find(mention.mentionId().value()).isEmpty()) {
            assertThat(Instant.now()).as("triaged and indexed within a minute").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private void awaitAudited(MentionReceived mention) throws InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (audit.search(new AuditQuery("sam", mention.mentionId().value(), null, null), 0, 50).entries().stream()
                .noneMatch(entry -> entry.action() == AuditAction.IDENTITY_REVEALED
                        && entry.detail().contains("The ward must return her mother's hearing aid"))) {
            assertThat(Instant.now()).as("the reveal is audited").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private MentionReceived publish(MentionReceived mention) throws Exception {
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        return mention;
    }

    private static MentionReceived email(String messageId, String subject, String text) {
        var at = Instant.now();
        return new MentionReceived(
                null,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                "<" + messageId + "@mail.example>",
                null,
                null,
                DOROTHY,
                subject,
                text,
                at,
                at,
                List.of("ward-7"),
                Set.of(),
                Map.of(
                        "from",
                        "Dorothy Pennington <dorothy.p@mail.example>",
                        "replyTo",
                        "dorothy.p@mail.example",
                        "fullText",
                        text));
    }
}
