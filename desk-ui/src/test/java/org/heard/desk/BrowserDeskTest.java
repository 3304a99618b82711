package org.heard.desk;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the desk's browser tests share: one real Chromium per test class, the running desk's port,
 * a way to put mentions on Kafka and read the index, and triage's models loaded before each test.
 */
abstract class BrowserDeskTest {

    static Browser browser;

    @Autowired
    EventPublisher publisher;

    @Autowired
    MentionSearch index;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @BeforeEach
    void triageIsWarm() throws Exception {
        TriageWarmUp.untilTriaging(publisher, index);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    /** A fresh session logged in through the login form, on the inbox. */
    Page login(String username, String password) {
        Page page = browser.loggedIn(url(""), username, password);
        page.locator("#inbox").waitFor();
        return page;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static void waitForText(Locator locator, String text) {
        PlaywrightAssertions.assertThat(locator)
                .containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
    }

    static void waitForExactText(Locator locator, String text) {
        PlaywrightAssertions.assertThat(locator)
                .hasText(text, new LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }
}
