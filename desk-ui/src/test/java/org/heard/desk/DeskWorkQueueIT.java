package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TagWriter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox as a work queue, in a real Chromium: what each row shows, the conversation beside the
 * list, the sentence behind a tag highlighted, working with the keyboard alone, a ward manager on
 * her phone, the history in a manager's scope, an email whose replies go elsewhere — and axe-core
 * on every page of the desk.
 */
@DeskApplicationTest
class DeskWorkQueueIT extends BrowserDeskTest {

    private static final String TROLLEY = "My dad has been on a trolley in A&E for 14 hours and his oxygen is 87.";

    @Autowired
    ActivityLog activity;

    @Autowired
    TagWriter writer;

    @Test
    void eachRowSaysWhoWhereHowLongAndWhatAndTheConversationOpensBesideTheListWithItsEvidence() throws Exception {
        String word = TestMentions.uniqueWord();
        var urgent = indexed(
                word,
                "emergency-department",
                Channel.TWITTER,
                Urgency.Level.IMMEDIATE,
                "Margaret Hughes",
                "The porters were lovely. " + TROLLEY + " Nobody has told us anything " + word,
                3);
        indexed(
                word,
                "maternity",
                Channel.EMAIL,
                Urgency.Level.NORMAL,
                "Pat Example",
                "Thank you to the midwives " + word,
                1);
        Page sam = login("sam", "correct horse");
        sam.setViewportSize(1400, 900);
        search(sam, word);
        waitForExactText(sam.locator("#inbox-total"), "2 mentions");

        var first = sam.locator(".queue-row").first();
        assertThat(first.getAttribute("data-mention-id")).isEqualTo(urgent.mentionId());
        PlaywrightAssertions.assertThat(first.locator(".queue-open")).hasText("Margaret Hughes");
        PlaywrightAssertions.assertThat(first.locator(".chip-urgency")).hasText("Immediate");
        PlaywrightAssertions.assertThat(first.locator(".channel")).hasText("X");
        PlaywrightAssertions.assertThat(first.locator(".queue-waiting")).containsText("waiting 3 h");
        PlaywrightAssertions.assertThat(first.locator(".queue-text"))
                .containsText("The porters were lovely. My dad has been on a trolley");
        PlaywrightAssertions.assertThat(first.locator(".chip-sentiment")).hasText("Negative");
        PlaywrightAssertions.assertThat(first.locator(".queue-services")).hasText("Emergency department (A&E)");
        PlaywrightAssertions.assertThat(first.locator(".chip-status")).hasText("New");
        PlaywrightAssertions.assertThat(first.locator(".queue-assignee")).hasText("Unassigned");

        first.click();
        // Beside the list, not instead of it.
        waitForText(sam.locator("#inbox-pane #conversation-title"), "Margaret Hughes");
        assertThat(sam.url()).doesNotContain("conversation/");
        assertThat(sam.locator(".queue-row").count()).isEqualTo(2);
        PlaywrightAssertions.assertThat(sam.locator("#thread mark")).hasText(new String[] {"trolley", "oxygen is 87"});
        // The whole sentence behind the urgency is highlighted, the phrases marked inside it.
        assertThat(String.join(
                        "",
                        sam.locator("#thread .mention-text .evidence-urgency").allTextContents()))
                .isEqualTo(TROLLEY);
        PlaywrightAssertions.assertThat(sam.locator(".tag-reason.evidence-urgency"))
                .containsText("Immediate because: " + TROLLEY);
        PlaywrightAssertions.assertThat(sam.locator("#thread")).not().containsText("emergency-department");
        screenshot(sam, "inbox.png");
        sam.context().close();
    }

    @Test
    void aResponderFindsAnImmediateMentionAssignsItAndRepliesWithoutAMouse() throws Exception {
        String word = TestMentions.uniqueWord();
        indexed(
                word,
                "ward-7",
                Channel.TWITTER,
                Urgency.Level.NORMAL,
                "Pat Example",
                "The ward was cold last night " + word,
                30);
        var urgent = indexed(
                word,
                "emergency-department",
                Channel.TWITTER,
                Urgency.Level.IMMEDIATE,
                "Margaret Hughes",
                TROLLEY + " " + word,
                2);
        indexed(
                word,
                "maternity",
                Channel.TWITTER,
                Urgency.Level.HIGH,
                "Jo Bloggs",
                "Still no call back about the scan " + word,
                5);
        Page sam = login("sam", "correct horse");
        sam.setViewportSize(1400, 900);
        var keys = sam.keyboard();

        keys.press("/");
        PlaywrightAssertions.assertThat(sam.locator("#inbox-search input")).isFocused();
        keys.type(word);
        keys.press("Enter");
        PlaywrightAssertions.assertThat(sam.locator("#inbox-search input")).hasValue(word);
        PlaywrightAssertions.assertThat(sam.locator(".queue-row")).hasCount(3);
        waitForExactText(sam.locator("#inbox-total"), "3 mentions");
        keys.press("Tab");
        keys.press("u");
        waitForText(sam.locator("#inbox-pane #conversation-title"), "Margaret Hughes");
        assertThat(sam.locator(".queue-row[aria-current='true']").getAttribute("data-mention-id"))
                .isEqualTo(urgent.mentionId());

        keys.press("a");
        waitForText(sam.locator("#assignee"), "Assigned to Sam Patel");
        waitForText(sam.locator("#history"), "Sam Patel assigned it to Sam Patel");

        String counted = sam.locator("#counter").textContent();
        keys.press("r");
        PlaywrightAssertions.assertThat(sam.locator("#draft textarea")).isFocused();
        keys.type("I am so sorry your dad has waited this long. I have asked the nurse in charge to see him now.");
        PlaywrightAssertions.assertThat(sam.locator("#counter")).not().hasText(counted);
        keys.press("Control+Enter");
        sam.locator("#next-mention:visible, #send:has-text('Send anyway')")
                .first()
                .waitFor();
        if (sam.locator("#send").textContent().contains("Send anyway")) {
            keys.press("Control+Enter");
        }
        waitForText(sam.locator("#history"), "Reply by Sam Patel");
        // The next most urgent unanswered mention is offered: the high one, not the normal one.
        waitForText(sam.locator("#next-mention"), "Next most urgent: Jo Bloggs · High");
        keys.press("Tab");
        keys.press("n");
        waitForText(sam.locator("#inbox-pane #conversation-title"), "Jo Bloggs");

        keys.press("?");
        sam.locator("#keyboard-help-close").waitFor();
        waitForText(sam.locator(".key-map"), "assign to me");
        keys.press("Escape");
        sam.context().close();
    }

    @Test
    void aWardManagerReadsHerFeedAConversationAndAnswersFromHerPhone() throws Exception {
        String word = TestMentions.uniqueWord();
        var mine = indexed(
                word,
                "ward-7",
                Channel.TWITTER,
                Urgency.Level.HIGH,
                "Margaret Hughes",
                "Nobody answered the call bell on ward 7 for an hour last night and my mum was in pain " + word,
                1);
        Page wendy = browser.newSession();
        wendy.setViewportSize(390, 844);
        wendy.navigate(url("/"));
        wendy.waitForURL("**/login");
        wendy.getByLabel("Username").fill("wendy");
        wendy.getByLabel("Password").first().fill("ward seven");
        wendy.getByLabel("Password").first().press("Enter");
        wendy.locator("#inbox").waitFor();

        wendy.navigate(url("/feed"));
        var entry = wendy.locator(".feed-entry[data-mention-id='" + mine.mentionId() + "']");
        entry.waitFor();
        assertFitsTheScreen(wendy);
        screenshot(wendy, "phone-feed.png", 390, 844);

        entry.locator(".feed-open").click();
        wendy.waitForURL("**/conversation/**");
        wendy.locator("#draft").waitFor();
        assertFitsTheScreen(wendy);
        wendy.locator("#draft textarea")
                .fill("I am sorry. I am on the ward now and will come and see your mum myself.");
        waitForText(wendy.locator("#counter"), "/ 280");
        wendy.locator("#send").scrollIntoViewIfNeeded();
        assertThat(wendy.locator("#send").isVisible()).isTrue();
        var box = wendy.locator("#send").boundingBox();
        assertThat(box.x + box.width).isLessThanOrEqualTo(390);
        assertThat(box.height).isGreaterThanOrEqualTo(24);
        screenshot(wendy, "phone-conversation.png", 390, 844);
        wendy.locator("#send").click();
        sendPastWarnings(wendy);
        waitForText(wendy.locator("#history"), "Reply by Wendy Okafor");
        wendy.context().close();
    }

    @Test
    void aManagerSeesNothingOfWhatStaffDidToAnotherServicesMentionInTheSameConversation() throws Exception {
        String word = TestMentions.uniqueWord();
        String conversation = "c-" + word;
        var ward = indexed(
                word,
                "ward-7",
                Channel.EMAIL,
                Urgency.Level.NORMAL,
                "Pat Example",
                "The ward was spotless " + word,
                2,
                conversation);
        var emergency = indexed(
                word,
                "emergency-department",
                Channel.EMAIL,
                Urgency.Level.NORMAL,
                "Pat Example",
                "And A&E kept me waiting nine hours " + word,
                1,
                conversation);
        record(ward, Activity.Kind.NOTE, "Ward note " + word, Map.of());
        record(emergency, Activity.Kind.NOTE, "ED note about the patient's mental health " + word, Map.of());
        record(emergency, Activity.Kind.REPLY_REQUESTED, "ED reply text " + word, Map.of("replyId", "r-" + word));
        record(
                emergency,
                Activity.Kind.TAG_CORRECTED,
                "And A&E kept me waiting",
                Map.of("field", "urgency", "from", "normal", "to", "high"));

        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url("/conversation/" + ward.mentionId()));
        waitForText(wendy.locator("#history"), "Ward note " + word);
        PlaywrightAssertions.assertThat(wendy.locator("#history")).not().containsText("ED note");
        PlaywrightAssertions.assertThat(wendy.locator("#history")).not().containsText("ED reply text");
        PlaywrightAssertions.assertThat(wendy.locator("#history")).not().containsText("corrected urgency");
        PlaywrightAssertions.assertThat(wendy.locator("#thread")).not().containsText("nine hours");

        Page sam = login("sam", "correct horse");
        sam.navigate(url("/conversation/" + ward.mentionId()));
        waitForText(sam.locator("#history"), "ED note about the patient's mental health " + word);
        waitForText(sam.locator("#thread"), "nine hours");
        wendy.context().close();
        sam.context().close();
    }

    @Test
    void anEmailWhoseRepliesGoToAnotherAddressSaysSoInWordsAndAnIcon() throws Exception {
        String word = TestMentions.uniqueWord();
        var at = Instant.now();
        var email = new MentionDocument(
                "e-" + word,
                "ce-" + word,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                "<" + word + "@mail.example>",
                null,
                new Author("jo@example.org", null, "Jo Example"),
                "Ward 5",
                "Please send my records " + word,
                at,
                at,
                List.of(),
                Set.of(),
                Map.of("replyTo", "records@harvest.example"),
                new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                List.of(new ServiceTag("ward-7", 0.9, List.of())),
                Urgency.normal(),
                2,
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null);
        assertThat(writer.upsertAll(List.of(email))).isEmpty();

        Page sam = login("sam", "correct horse");
        sam.navigate(url("/conversation/" + email.mentionId()));
        waitForText(sam.locator("#reply-recipient"), "Your reply goes to: records@harvest.example");
        var warning = sam.locator(".recipient-warning");
        waitForText(warning, "not to the sender jo@example.org");
        assertThat(warning.locator("vaadin-icon").count()).isEqualTo(1);
        sam.context().close();
    }

    @Test
    void axeFindsNoSeriousOrCriticalViolationOnAnyPageOfTheDesk() throws Exception {
        String word = TestMentions.uniqueWord();
        var mention = indexed(
                word, "ward-7", Channel.EMAIL, Urgency.Level.IMMEDIATE, "Margaret Hughes", TROLLEY + " " + word, 2);
        var report = new LinkedHashMap<String, List<Axe.Violation>>();

        Page anonymous = browser.newSession();
        anonymous.navigate(url("/login"));
        anonymous.locator("vaadin-login-form").waitFor();
        report.put("login", Axe.seriousOrCritical(anonymous));
        anonymous.context().close();

        Page alex = login("alex", "admin pass");
        alex.setViewportSize(1400, 900);
        report.put("inbox", checked(alex, "/", "#inbox"));
        search(alex, word);
        waitForExactText(alex.locator("#inbox-total"), "1 mention");
        alex.locator(".queue-row").first().click();
        alex.locator("#inbox-pane #draft").waitFor();
        report.put("inbox with a conversation beside it", Axe.seriousOrCritical(alex));
        alex.locator("#filters-toggle").click();
        alex.locator("#filter-service").waitFor();
        report.put("inbox with the filters open", Axe.seriousOrCritical(alex));
        alex.locator("#keyboard-help-open").click();
        alex.locator("#keyboard-help-close").waitFor();
        report.put("keyboard help", Axe.seriousOrCritical(alex));
        alex.keyboard().press("Escape");
        report.put("conversation", checked(alex, "/conversation/" + mention.mentionId(), "#draft"));
        report.put("feed", checked(alex, "/feed", "#feed"));
        report.put("log feedback", checked(alex, "/log", "#log-text"));
        report.put("insight", checked(alex, "/insight", "#figures-csv"));
        report.put("channels", checked(alex, "/admin/channels", "#channels"));
        report.put("dead letters", checked(alex, "/admin/dead-letters", "#dead-letter-total"));
        report.put("re-triage", checked(alex, "/admin/retriage", "#retriage-start"));
        report.put("users", checked(alex, "/admin/users", "#users-grid"));
        report.put("alerts", checked(alex, "/admin/alerts", "#alert-deliveries"));
        report.put("audit", checked(alex, "/admin/audit", "#audit-entries"));
        alex.setViewportSize(390, 844);
        report.put("conversation on a phone", checked(alex, "/conversation/" + mention.mentionId(), "#draft"));
        report.put("feed on a phone", checked(alex, "/feed", "#feed"));
        alex.context().close();

        var lines = new StringBuilder();
        report.forEach((page, violations) -> lines.append(page)
                .append(": ")
                .append(violations.isEmpty() ? "no serious or critical violation" : violations)
                .append('\n'));
        Files.writeString(java.nio.file.Path.of("target", "axe-report.txt"), lines);
        assertThat(report)
                .as(lines.toString())
                .allSatisfy(
                        (page, violations) -> assertThat(violations).as(page).isEmpty());
    }

    private List<Axe.Violation> checked(Page page, String path, String ready) {
        page.navigate(url(path));
        page.locator(ready).first().waitFor();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        return Axe.seriousOrCritical(page);
    }

    private static void assertFitsTheScreen(Page page) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue())
                .as("horizontal scrolling at %s", page.url())
                .isLessThanOrEqualTo(0);
    }

    /** A mention as triage indexes it, with the sentences and the phrases behind its tags. */
    private MentionDocument indexed(
            String word,
            String service,
            Channel channel,
            Urgency.Level urgency,
            String author,
            String text,
            int hoursAgo) {
        return indexed(word, service, channel, urgency, author, text, hoursAgo, null);
    }

    private MentionDocument indexed(
            String word,
            String service,
            Channel channel,
            Urgency.Level urgency,
            String author,
            String text,
            int hoursAgo,
            String conversation) {
        var at = Instant.now().minus(hoursAgo, ChronoUnit.HOURS).minus(5, ChronoUnit.MINUTES);
        String id = service + "-" + UUID.randomUUID();
        int trolley = text.indexOf(TROLLEY);
        var sentences = trolley < 0
                ? List.<ScoredSentence>of()
                : List.of(new ScoredSentence(trolley, trolley + TROLLEY.length(), Sentiment.Label.NEGATIVE, -0.9));
        var reasons = trolley < 0 ? List.<String>of() : List.of("oxygen is 87");
        var mention = new MentionDocument(
                id,
                conversation == null ? "c-" + id : conversation,
                channel,
                "test",
                id,
                null,
                new Author("a-" + id, null, author),
                null,
                text,
                at,
                at,
                List.of(service),
                Set.of(),
                Map.of(),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.7, trolley < 0 ? List.of() : List.of("trolley")),
                List.of(new ServiceTag(service, 0.9, List.of(), ServiceTag.Signal.HINT)),
                new Urgency(urgency, reasons),
                urgency.rank(),
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null,
                sentences);
        assertThat(writer.upsertAll(List.of(mention))).isEmpty();
        return mention;
    }

    private void record(MentionDocument mention, Activity.Kind kind, String text, Map<String, String> details) {
        activity.record(new Activity(
                kind.wire() + "-" + UUID.randomUUID(),
                mention.conversationId(),
                mention.mentionId(),
                kind,
                "sam",
                text,
                details,
                Instant.now()));
    }

    private static void search(Page page, String words) {
        page.locator("#inbox-search input").fill(words);
        page.locator("#inbox-search input").press("Enter");
    }

    private static void sendPastWarnings(Page page) {
        // Either it went at once, or the desk asks for a deliberate second press first.
        page.locator("#next-mention:visible, #send:has-text('Send anyway')")
                .first()
                .waitFor();
        if (page.locator("#send").textContent().contains("Send anyway")) {
            page.locator("#send").click();
        }
    }

    private static void screenshot(Page page, String name) throws Exception {
        screenshot(page, name, 1400, 900);
    }

    private static void screenshot(Page page, String name, int width, int height) throws Exception {
        Files.createDirectories(DeskBrowserIT.SCREENSHOTS);
        page.setViewportSize(width, height);
        page.screenshot(new Page.ScreenshotOptions().setPath(DeskBrowserIT.SCREENSHOTS.resolve(name)));
    }
}
