package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.junit.jupiter.api.Test;

/**
 * The desk as staff use it, in a real Chromium: scope, live arrival, filters, the conversation with
 * its warnings, two people seeing each other, and patients' text shown as text.
 */
@DeskApplicationTest
class DeskBrowserIT extends BrowserDeskTest {

    /** Screenshots for the README land here when the build runs from the repository. */
    static final Path SCREENSHOTS =
            Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "screenshots");

    @Test
    void aWardManagerSeesOnlyHerServicesInTheInboxAndCannotOpenOthersByAddress() throws Exception {
        String word = TestMentions.uniqueWord();
        var mine =
                publish(TestMentions.tweetAbout("ward-7", "m-" + word, "Ward 7 was spotless " + word, Instant.now()));
        var notMine = publish(
                TestMentions.tweetAbout("emergency-department", "n-" + word, "ED was packed " + word, Instant.now()));
        Page sam = login("sam", "correct horse");
        search(sam, word);
        sam.getByText("ED was packed " + word).waitFor();

        Page wendy = login("wendy", "ward seven");
        search(wendy, word);
        wendy.getByText("Ward 7 was spotless " + word).waitFor();
        waitForExactText(wendy.locator("#inbox-total"), "1 mention");
        assertThat(wendy.getByText("ED was packed " + word).count()).isZero();

        wendy.navigate(url("/conversation/" + notMine.mentionId().value()));
        wendy.getByText("There is no such mention, or it is not one of your services.")
                .waitFor();
        assertThat(wendy.getByText("ED was packed " + word).count()).isZero();
        wendy.navigate(url("/conversation/" + mine.mentionId().value()));
        wendy.locator(".mention-text").getByText("Ward 7 was spotless " + word).waitFor();
        sam.context().close();
        wendy.context().close();
    }

    @Test
    void aNewMentionArrivesLiveAndFiltersNarrowTheInbox() throws Exception {
        String word = TestMentions.uniqueWord();
        Page sam = login("sam", "correct horse");
        search(sam, word);
        waitForExactText(sam.locator("#inbox-total"), "0 mentions");

        publish(TestMentions.tweetAbout("ward-7", "f1-" + word, "Lovely ward 7 " + word, Instant.now()));
        publish(TestMentions.tweetAbout("maternity", "f2-" + word, "Maternity were great " + word, Instant.now()));

        // No reload: both rows arrive by server push.
        sam.getByText("Lovely ward 7 " + word).waitFor();
        sam.getByText("Maternity were great " + word).waitFor();
        waitForExactText(sam.locator("#inbox-total"), "2 mentions");

        // Services by name, from the catalogue: typing part of the name finds it.
        sam.locator("#filters-toggle").click();
        sam.locator("#filter-service input").fill("Matern");
        sam.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Maternity"))
                .click();
        waitForExactText(sam.locator("#inbox-total"), "1 mention");
        assertThat(sam.getByText("Lovely ward 7 " + word).count()).isZero();
        assertThat(sam.getByText("Maternity were great " + word).count()).isPositive();
        sam.context().close();
    }

    @Test
    void theComposerWarnsAboutPersonalDataAndDeflectionAndTwoPeopleSeeEachOther() throws Exception {
        String word = TestMentions.uniqueWord();
        var mention = publish(TestMentions.tweetAbout(
                "ward-7",
                "c-" + word,
                "My mum Margaret waited 6 hours for pain relief on ward 7 " + word,
                Instant.now().minus(3, ChronoUnit.HOURS)));
        Page sam = login("sam", "correct horse");
        search(sam, word);
        sam.getByText("waited 6 hours", new Page.GetByTextOptions().setExact(false))
                .first()
                .click();
        sam.locator("#draft").waitFor();

        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url("/conversation/" + mention.mentionId().value()));
        wendy.locator("#draft").waitFor();
        waitForText(sam.locator("#presence"), "Wendy Okafor is viewing this");
        waitForText(wendy.locator("#presence"), "Sam Patel is viewing this");

        sam.locator("#draft textarea")
                .fill("So sorry Margaret. Please contact PALS on 01632 960123 so we can look into this.");
        sam.locator(".warning-personal-data").waitFor();
        sam.locator(".warning-deflection").waitFor();
        assertThat(sam.locator(".warning-personal-data").textContent())
                .contains("the name Margaret", "phone number 01632 960123");
        assertThat(sam.locator(".warning-deflection").textContent()).contains("direct message");
        assertThat(sam.locator("#counter").textContent()).endsWith("/ 280");
        waitForText(wendy.locator("#presence"), "Sam Patel is drafting a reply");
        screenshot(sam, "conversation-with-warnings.png");

        sam.locator("#send").click();
        waitForText(sam.locator("#send"), "Send anyway");
        sam.locator("#send").click();
        // No X sender runs here: the failure comes back live and stays visible.
        waitForText(sam.locator("#history"), "failed");
        assertThat(sam.locator("#history").textContent())
                .contains("sent despite warnings", "personal-data", "deflection");
        sam.context().close();
        wendy.context().close();
    }

    @Test
    void aStoryResponseIsReadyToPasteOnTheStorysRespondPage() throws Exception {
        String word = TestMentions.uniqueWord();
        String respondUrl = "https://www.careopinion.org.uk/" + word + "/respond";
        var story = publish(TestMentions.story(
                "op-" + word,
                "Night on ward 7",
                "The staff were kind but my dad waited for his pain relief all night " + word,
                respondUrl));
        Page sam = login("sam", "correct horse");
        sam.navigate(url("/conversation/" + story.mentionId().value()));
        sam.locator("#draft").waitFor();
        assertThat(sam.locator("#story-publishing").isVisible()).isFalse();

        sam.locator("#draft textarea")
                .fill("Thank you for telling us about your dad's night on ward 7. I am sorry he waited "
                        + "for pain relief; from next week the night team checks pain at every round.");
        sam.locator("#send").click();
        // Either it went straight out, or the desk asks for a deliberate second press first.
        sam.locator("#story-publishing, #send:has-text('Send anyway')").first().waitFor();
        if (!sam.locator("#story-publishing").isVisible()) {
            sam.locator("#send").click();
        }

        sam.locator("#story-publishing").waitFor();
        assertThat(sam.locator("#story-response-text textarea").inputValue())
                .contains("from next week the night team checks pain", "Sam Patel");
        assertThat(sam.locator("#story-respond-link").getAttribute("href")).isEqualTo(respondUrl);
        assertThat(sam.locator("#story-respond-link").getAttribute("target")).isEqualTo("_blank");
        sam.context().close();
    }

    @Test
    void hostileMarkupInATweetAndAnEmailIsShownAsText() throws Exception {
        String word = TestMentions.uniqueWord();
        String hostile = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script><b>"
                + word + "</b>";
        var tweet = publish(TestMentions.tweetAbout("ward-7", "h-" + word, hostile, Instant.now()));
        var email = publish(TestMentions.email("e-" + word + "@mail.example", "<i>Subject " + word + "</i>", hostile));
        Page sam = login("sam", "correct horse");
        search(sam, word);
        waitForExactText(sam.locator("#inbox-total"), "2 mentions");
        assertThat(sam.locator("#inbox img").count()).isZero();

        for (var mention : new MentionReceived[] {tweet, email}) {
            sam.navigate(url("/conversation/" + mention.mentionId().value()));
            sam.locator(".mention-text").first().waitFor();
            assertThat(sam.locator(".mention-text").first().textContent()).contains("<b>" + word + "</b>", "<script>");
            assertThat(sam.locator("#thread img").count()).isZero();
            assertThat(sam.locator("#thread b").count()).isZero();
            assertThat(sam.title()).isNotEqualTo("pwned");
        }
        sam.context().close();
    }

    @Test
    void feedbackLoggedAtTheDeskIsTriagedAndAnsweredByLetter() throws Exception {
        String word = TestMentions.uniqueWord();
        Page sam = login("sam", "correct horse");
        sam.locator("#log-feedback").click();
        sam.locator("#log-text textarea").fill("Came to reception to thank the stroke unit " + word);
        sam.locator("#log-service input").fill("stroke-unit");
        sam.locator("#log-name input").fill("Mr Jones");
        sam.locator("#log-save").click();
        sam.getByText("Logged:", new Page.GetByTextOptions().setExact(false)).waitFor();

        sam.navigate(url("/"));
        search(sam, word);
        sam.getByText("Came to reception", new Page.GetByTextOptions().setExact(false))
                .first()
                .click();
        sam.locator("#draft textarea")
                .fill("Thank you for coming in to tell us; I have shared your words with the stroke unit team " + word);
        waitForText(sam.locator("#send"), "Record reply");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(sam.locator("#counter"))
                .not()
                .hasText("0 characters");
        screenshot(sam, "composer.png");
        sam.locator("#send").click();
        waitForText(sam.locator("#history"), "Reply by Sam Patel");
        waitForText(sam.locator("#history"), "sent");
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                        sam.locator("#status vaadin-select-value-button"))
                .containsText("Replied");
        sam.navigate(url("/"));
        search(sam, word);
        waitForExactText(sam.locator("#inbox-total"), "1 mention");
        sam.locator(".chip-status").getByText("Replied").first().waitFor();
        sam.context().close();
    }

    @Test
    void aSavedViewShowsItsCountAndATeamViewReachesOnlyThatTeam() throws Exception {
        String word = TestMentions.uniqueWord();
        publish(TestMentions.tweetAbout(
                "ward-7", "b-" + word, "Nobody answered the call bell on ward 7 " + word, Instant.now()));
        publish(TestMentions.tweetAbout(
                "emergency-department", "e-" + word, "The call bell in ED was ignored " + word, Instant.now()));
        Page sam = login("sam", "correct horse");
        search(sam, word);
        waitForExactText(sam.locator("#inbox-total"), "2 mentions");

        saveView(sam, "Call bells " + word, "Everyone who is a responder");
        waitForText(sam.locator("#views"), "Call bells " + word + " (2)");

        Page wendy = login("wendy", "ward seven");
        search(wendy, word);
        waitForExactText(wendy.locator("#inbox-total"), "1 mention");
        assertThat(wendy.locator("#views").textContent()).doesNotContain("Call bells " + word);
        saveView(wendy, "My bells " + word, "Only me");
        // Her own view, counted in her scope: one of the two.
        waitForText(wendy.locator("#views"), "My bells " + word + " (1)");

        // A new session (as on another desk instance): the views come from the index.
        Page samAgain = login("sam", "correct horse");
        waitForText(samAgain.locator("#views"), "Call bells " + word + " (2)");
        assertThat(samAgain.locator("#views").textContent()).doesNotContain("My bells " + word);
        sam.context().close();
        wendy.context().close();
        samAgain.context().close();
    }

    private static void saveView(Page page, String name, String audience) {
        page.locator("#save-view").click();
        page.locator("#view-name input").fill(name);
        page.locator("#view-audience").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(audience))
                .click();
        page.locator("#view-save").click();
    }

    private MentionReceived publish(MentionReceived mention) throws Exception {
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        return mention;
    }

    private static void search(Page page, String words) {
        page.locator("#inbox-search input").fill(words);
        page.locator("#inbox-search input").press("Enter");
    }

    static void screenshot(Page page, String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        page.setViewportSize(1400, 900);
        page.screenshot(
                new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name)).setFullPage(true));
    }
}
