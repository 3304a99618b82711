package org.heard.desk;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Channel;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.ChannelStatusReported.ConnectorState;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Channels page in a real Chromium: the desk's own ingest role reports the X channel as not
 * configured (no account in the test settings) through Kafka, and a report from another ingest
 * instance, an X account whose credentials were refused, appears live with its fix.
 */
@DeskApplicationTest
class DeskChannelsIT {

    private static final LocatorAssertions.ContainsTextOptions PATIENTLY =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    static Browser browser;

    @Autowired
    EventPublisher publisher;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void anAdminSeesTheUnconfiguredXChannelAndAnAuthFailureReportedByAnotherIngestInstanceLive() throws Exception {
        Page alex = login("alex", "admin pass");
        alex.navigate(url("/admin/channels"));

        Locator notConfigured = alex.locator("#channel-twitter-no-account-");
        assertThat(notConfigured).containsText("Not configured", PATIENTLY);
        assertThat(notConfigured).containsText("heard.channel.twitter.accounts[0]");
        assertThat(notConfigured.locator(".channel-fix")).containsText("deploy/configuration.md");

        String handle = "@Other" + TestMentions.uniqueWord();
        var now = Instant.now();
        publisher
                .publish(
                        Topics.CHANNEL_STATUS,
                        new ChannelStatusReported(
                                Channel.TWITTER,
                                handle,
                                ConnectorState.AUTH_FAILED,
                                ConnectorState.AUTH_FAILED,
                                "X refused the credentials (401 Unauthorized) for " + handle
                                        + ": renew the credentials in heard.channel.twitter.accounts <b>now</b>",
                                now.minus(Duration.ofMinutes(20)),
                                null,
                                now.plus(Duration.ofDays(5)),
                                now,
                                "ingest-elsewhere/42"))
                .get(30, TimeUnit.SECONDS);

        // No reload: the report arrives by server push.
        Locator refused = alex.locator("#channel-twitter-" + handle.substring(1));
        assertThat(refused).containsText("Authentication failed", PATIENTLY);
        assertThat(refused.locator(".channel-fix")).containsText("X developer portal");
        assertThat(refused.locator(".channel-warning")).containsText("Token expires on");
        assertThat(refused).containsText("Reported by ingest-elsewhere/42");
        assertThat(refused.locator(".channel-detail")).containsText("<b>now</b>");
        assertThat(refused.locator(".channel-backlog")).containsText("Backlog: 0 unanswered mentions");
        alex.context().close();
    }

    @Test
    void aResponderReadsThePageAndAManagerIsKeptOut() throws Exception {
        String mailbox = "ward-" + TestMentions.uniqueWord() + "@trust.nhs.uk";
        var then = Instant.now().minus(Duration.ofMinutes(10));
        publisher
                .publish(
                        Topics.CHANNEL_STATUS,
                        new ChannelStatusReported(
                                Channel.EMAIL,
                                mailbox,
                                ConnectorState.HEALTHY,
                                ConnectorState.HEALTHY,
                                null,
                                then,
                                null,
                                null,
                                then,
                                "ingest-gone/7"))
                .get(30, TimeUnit.SECONDS);

        Page sam = login("sam", "correct horse");
        sam.navigate(url("/admin/channels"));
        Locator silent = sam.locator("#channel-email-" + mailbox.replaceAll("[^A-Za-z0-9]+", "-"));
        assertThat(silent.locator(".channel-warning")).containsText("No report from ingest since", PATIENTLY);
        assertThat(silent).containsText("ingest-gone/7");
        sam.context().close();

        Page wendy = login("wendy", "ward seven");
        wendy.navigate(url("/admin/channels"));
        wendy.waitForLoadState();
        assertThat(wendy.locator("#channels")).hasCount(0);
        assertThat(wendy.locator("body")).not().containsText("ingest-gone/7");
        wendy.context().close();
    }

    private Page login(String username, String password) {
        Page page = browser.newSession();
        page.navigate(url("/"));
        page.waitForURL("**/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").first().fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(address -> !address.contains("login"));
        page.locator("#inbox").waitFor();
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
