package org.heard.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites;
import org.heard.mentions.TagWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The response dashboard in a real Chromium: its figures, a drill-down to the mentions behind one,
 * the CSV, marking a change from the conversation, and a ward manager who sees only her services.
 * The mentions are written to the index as the desk leaves them (no triage needed, so no warm-up):
 * published in June 2021, a fortnight no other test uses.
 */
@DeskApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightBrowserIT {

    static final String JUNE = "/insight?from=2021-06-07&to=2021-06-20";
    static Browser browser;

    @Autowired
    TagWriter writer;

    @Autowired
    StaffWrites staff;

    @LocalServerPort
    int port;

    String word;
    MentionDocument ward7;
    MentionDocument emergency;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** Once for the class: each test counts exactly these two. */
    @BeforeAll
    void aWard7MentionAnsweredInAnHourAndAnUnansweredEmergency() {
        word = TestMentions.uniqueWord();
        ward7 = mention(
                "w7",
                Channel.TWITTER,
                "2021-06-08T09:00:00Z",
                "ward-7",
                Urgency.Level.NORMAL,
                "=HYPERLINK(\"http://evil.example\") <b>cold</b> on ward 7 " + word);
        emergency = mention(
                "ed",
                Channel.EMAIL,
                "2021-06-09T09:00:00Z",
                "emergency-department",
                Urgency.Level.IMMEDIATE,
                "Chest pain and nobody came " + word);
        assertThat(writer.upsertAll(List.of(ward7, emergency))).isEmpty();
        staff.recordReply(ward7.mentionId(), "reply-" + word, Instant.parse("2021-06-08T10:00:00Z"), Set.of());
        staff.updateStatus(ward7.mentionId(), MentionStatus.REPLIED, "sam", Instant.parse("2021-06-08T10:00:00Z"));
    }

    @Test
    void everyFigureDrillsDownToItsMentionsWhichExportAsCsvAndOpenTheirConversation() throws Exception {
        Page sam = login("sam", "correct horse");
        sam.navigate(url(JUNE));

        assertThat(sam.locator("#figure-overall-all-response-rate .figure-value"))
                .hasText("50% (1 of 2)", within());
        assertThat(sam.locator("#figure-overall-all-median-first-response .figure-value"))
                .hasText("1 h 0 min");
        assertThat(sam.locator("#figure-service-emergency-department-response-rate .figure-value"))
                .hasText("0% (0 of 1)");
        assertThat(sam.locator("#figure-backlog-immediate-open"))
                .hasAttribute("title", "Open, Immediate: 1. Show the mentions behind it.");
        // Services by their names, channels in words.
        assertThat(sam.locator("#chart-service")).containsText("Emergency department (A&E)");
        assertThat(sam.locator("#chart-service")).containsText("Ward 7");
        assertThat(sam.locator("#chart-channel")).containsText("X (Twitter)");

        sam.locator("#figure-backlog-immediate-open").click();
        assertThat(sam.locator("#drill-total")).hasText("1 mention", within());
        assertThat(sam.locator(".drill-mention")).hasText("Chest pain and nobody came " + word);

        sam.locator("#figure-overall-all-response-rate").click();
        assertThat(sam.locator("#drill-total")).hasText("2 mentions", within());
        var download = sam.waitForDownload(() -> sam.locator("#drill-csv").click());
        String csv = Files.readString(download.path());
        assertThat(csv)
                .startsWith("mentionId,publishedAt,channel")
                .contains(emergency.mentionId(), ward7.mentionId())
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\") <b>cold</b> on ward 7 " + word + "\"");

        // What the patient wrote is text: the tags show as typed, nothing is rendered.
        var link = sam.locator(".drill-mention")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("on ward 7"));
        assertThat(link).hasText("=HYPERLINK(\"http://evil.example\") <b>cold</b> on ward 7 " + word);
        link.click();
        sam.waitForURL("**/conversation/" + ward7.mentionId());
        sam.locator("#mark-change").click();
        sam.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("change made"))
                .click();
        sam.locator(".history-change-marked").waitFor();

        sam.navigate(url(JUNE));
        assertThat(sam.locator("#figure-changes-all-change-made .figure-value")).hasText("1", within());
        var figures = sam.waitForDownload(() -> sam.locator("#figures-csv").click());
        assertThat(Files.readString(figures.path())).contains("Changes planned and made,all,Change made,1.0000,1,1,0");
        sam.context().close();
    }

    @Test
    void eachChartIsANamedImageWithPatternsALegendAndItsTableAndABarDrillsDown() throws Exception {
        Page sam = login("sam", "correct horse");
        sam.navigate(url(JUNE));

        var weeks = sam.locator("#graph-week-sentiment svg");
        assertThat(weeks).hasAttribute("role", "img");
        assertThat(sam.locator("#graph-week-sentiment-svg-title")).hasText("Mentions by week and sentiment");
        assertThat(sam.locator("#graph-week-sentiment-svg-desc"))
                .containsText("2 mentions over 1 week, 100% negative; the busiest was the week of 7 Jun 2021, with 2");
        // Colour is never alone: negative is hatched and named in the legend.
        assertThat(weeks.locator("pattern#graph-week-sentiment-svg-red_hatched"))
                .hasCount(1);
        assertThat(weeks.locator("text")).containsText(new String[] {"Negative", "Neutral", "Positive"});
        assertThat(sam.locator("#graph-week-sentiment + table#chart-week-sentiment"))
                .isVisible();
        assertThat(sam.locator("#graph-first-response-service svg")).containsText("1 h 0 min");
        assertThat(sam.locator("#graph-backlog-age svg")).hasAttribute("role", "img");
        DeskBrowserIT.screenshot(sam, "insight.png");

        // A click on the week of 7 June's negative bar lists the mention behind it.
        weeks.locator("rect.chart-bar[data-drill]").first().click();
        assertThat(sam.locator("#drill-title"))
                .hasText("Mentions with negative sentiment · week of 7 Jun 2021", within());
        assertThat(sam.locator("#drill-total")).hasText("2 mentions");

        // The largest table comes when asked for.
        assertThat(sam.locator("#chart-sentiment")).hasCount(0);
        sam.locator("#show-sentiment-by-service").click();
        assertThat(sam.locator("#chart-sentiment"))
                .containsText(
                        "Ward 7 · week of 7 Jun 2021", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        sam.context().close();
    }

    @Test
    void aWardManagerSeesTheFiguresOfHerServicesOnly() {
        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url(JUNE));

        assertThat(wendy.locator("#figure-overall-all-response-rate .figure-value"))
                .hasText("100% (1 of 1)", within());
        assertThat(wendy.locator("#figure-backlog-immediate-open .figure-value"))
                .hasText("0");
        assertThat(wendy.locator("#figure-service-ward-7-response-rate")).isVisible();
        assertThat(wendy.locator("#figure-service-emergency-department-response-rate"))
                .hasCount(0);

        // Asking for another service by address widens nothing.
        wendy.navigate(url(JUNE + "&service=emergency-department"));
        assertThat(wendy.locator("#figure-overall-all-response-rate .figure-value"))
                .hasText("100% (1 of 1)", within());
        wendy.locator("#figure-overall-all-response-rate").click();
        assertThat(wendy.locator("#drill-total")).hasText("1 mention", within());
        assertThat(wendy.getByText("Chest pain and nobody came " + word)).hasCount(0);
        wendy.context().close();
    }

    private MentionDocument mention(
            String name, Channel channel, String published, String service, Urgency.Level urgency, String text) {
        var at = Instant.parse(published);
        return new MentionDocument(
                name + "-" + word,
                "conversation-" + name + "-" + word,
                channel,
                "insight",
                name + "-" + word,
                null,
                new Author("a-" + name, null, "Patient " + name),
                null,
                text,
                at,
                at,
                List.of(service),
                Set.of(),
                Map.of(),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.5, List.of()),
                List.of(new ServiceTag(service, 0.9, List.of())),
                new Urgency(urgency, List.of()),
                urgency.rank(),
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null);
    }

    private Page login(String username, String password) {
        return browser.loggedIn(url(""), username, password);
    }

    private static LocatorAssertions.HasTextOptions within() {
        return new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
