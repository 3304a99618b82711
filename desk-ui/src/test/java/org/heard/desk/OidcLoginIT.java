package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TagWriter;
import org.heard.platform.testing.HeardIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Staff sign in through an OpenID Connect provider (a local one speaking the real protocol) in a
 * real browser, and land with the role and services their token's app roles and groups map to;
 * an id token that is forged in any of the ways that matter is refused.
 */
@HeardIntegrationTest
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "heard.roles=desk",
            // A desk-only instance still tries to start the embedded mail server (ingest's nested configuration): off
            // here.
            "heard.channel.email.embedded.enabled=false",
            "heard.triage.catalogue=src/test/resources/org/heard/desk/test-catalogue.yaml",
            "vaadin.devmode.devTools.enabled=false",
            "heard.security.oidc.client-id=heard-desk",
            "heard.security.oidc.client-secret=" + OidcLoginIT.CLIENT_SECRET,
            "heard.security.oidc.name=NHS Test Entra",
            "heard.security.oidc.title-claim=jobTitle",
            "heard.security.oidc.roles[Heard.Responder]=RESPONDER",
            "heard.security.oidc.roles[Heard.Manager]=MANAGER",
            "heard.security.oidc.services[ward-7-managers]=ward-7"
        })
class OidcLoginIT {

    static final String CLIENT_SECRET = "not-a-real-secret";
    static final FakeOidcProvider provider = new FakeOidcProvider("heard-desk", CLIENT_SECRET);
    static Browser browser;

    @Autowired
    TagWriter index;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("heard.security.oidc.issuer-uri", provider::issuer);
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        browser.close();
        provider.close();
    }

    @Test
    void aResponderSignsInWithTheProviderAndSeesTheWholeInbox() {
        String word = TestMentions.uniqueWord();
        indexTagged("ward-7-bay-a", "Kind night staff " + word);
        indexTagged("emergency-department", "Nine hours on a trolley " + word);
        provider.signsInNext(
                Map.of(
                        "preferred_username",
                        "priya@trust.example",
                        "name",
                        "Priya Shah",
                        "jobTitle",
                        "Patient Experience Officer",
                        "roles",
                        List.of("Heard.Responder")),
                FakeOidcProvider.Forgery.NONE);

        Page priya = signIn();

        waitForText(priya.locator("#who"), "Priya Shah · Patient Experience Officer");
        search(priya, word);
        waitForExactText(priya.locator("#inbox-total"), "2 mentions");
        priya.context().close();
    }

    @Test
    void loggingOutAlsoEndsTheSessionAtTheProvider() {
        provider.signsInNext(
                Map.of(
                        "preferred_username",
                        "sam@trust.example",
                        "name",
                        "Sam Patel",
                        "roles",
                        List.of("Heard.Responder")),
                FakeOidcProvider.Forgery.NONE);
        Page sam = signIn();
        waitForText(sam.locator("#who"), "Sam Patel");
        int ended = provider.endedSessions().size();

        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();

        sam.waitForURL(address -> address.endsWith("/login"));
        assertThat(provider.endedSessions()).hasSize(ended + 1);
        sam.navigate(url("/"));
        sam.waitForURL(address -> address.endsWith("/login"));
        assertThat(sam.locator("#who").count()).isZero();
        sam.context().close();
    }

    @Test
    void aManagerMappedByHerGroupSeesOnlyHerServices() {
        String word = TestMentions.uniqueWord();
        indexTagged("ward-7-bay-a", "Kind night staff " + word);
        var elsewhere = indexTagged("emergency-department", "Nine hours on a trolley " + word);
        provider.signsInNext(
                Map.of(
                        "preferred_username",
                        "wendy@trust.example",
                        "name",
                        "Wendy Okafor",
                        "roles",
                        List.of("Heard.Manager"),
                        "groups",
                        List.of("ward-7-managers", "all-staff")),
                FakeOidcProvider.Forgery.NONE);

        Page wendy = signIn();

        waitForText(wendy.locator("#who"), "Wendy Okafor");
        search(wendy, word);
        waitForExactText(wendy.locator("#inbox-total"), "1 mention");
        wendy.getByText("Kind night staff " + word).first().waitFor();
        wendy.navigate(url("/conversation/" + elsewhere.mentionId().value()));
        wendy.getByText("There is no such mention", new Page.GetByTextOptions().setExact(false))
                .first()
                .waitFor();
        wendy.context().close();
    }

    @Test
    void anIdTokenWithAWrongSignatureIssuerOrAudienceIsRefused() {
        var person = Map.<String, Object>of(
                "preferred_username", "mallory@trust.example", "name", "Mallory", "roles", List.of("Heard.Responder"));
        for (var forgery : List.of(
                FakeOidcProvider.Forgery.WRONG_SIGNATURE,
                FakeOidcProvider.Forgery.WRONG_ISSUER,
                FakeOidcProvider.Forgery.WRONG_AUDIENCE)) {
            provider.signsInNext(person, forgery);

            Page mallory = signIn();

            assertRefused(mallory);
        }
    }

    @Test
    void someoneWithNoRoleOnTheDeskIsRefused() {
        provider.signsInNext(
                Map.of(
                        "preferred_username",
                        "visitor@trust.example",
                        "name",
                        "Just Staff",
                        "groups",
                        List.of("all-staff")),
                FakeOidcProvider.Forgery.NONE);

        assertRefused(signIn());
    }

    @Test
    void withOnlyTheProviderThereIsNoPasswordFormAndNoGeneratedAdmin() {
        Page page = browser.newSession();
        page.navigate(url("/login"));
        page.locator("#sso-login").waitFor();

        assertThat(page.locator("vaadin-login-form").count()).isZero();
        var basic = page.request()
                .get(
                        url("/api/mentions"),
                        RequestOptions.create()
                                .setHeader(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes())));
        assertThat(basic.status()).isEqualTo(401);
        page.context().close();
    }

    private Page signIn() {
        Page page = browser.newSession();
        page.navigate(url("/login"));
        var link = page.locator("#sso-login");
        assertThat(link.textContent()).isEqualTo("Sign in with NHS Test Entra");
        link.click();
        page.waitForURL(address -> address.startsWith(url(""))
                && !address.contains("/login/oauth2/code/")
                && !address.contains("/oauth2/authorization/"));
        return page;
    }

    private void assertRefused(Page page) {
        page.waitForURL(address -> address.contains("/login?error"));
        page.locator("#login-error").waitFor();
        page.navigate(url("/"));
        page.waitForURL(address -> address.endsWith("/login"));
        assertThat(page.locator("#who").count()).isZero();
        page.context().close();
    }

    private MentionReceived indexTagged(String service, String text) {
        var mention = TestMentions.tweetAbout(service, TestMentions.uniqueWord(), text, Instant.now());
        var tags = new MentionTriaged(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.5, List.of()),
                List.of(new ServiceTag(service, 0.9, List.of())),
                new Urgency(Urgency.Level.NORMAL, List.of()),
                List.of(),
                "test",
                Instant.now());
        index.upsertAll(List.of(MentionDocument.of(mention, tags)));
        return mention;
    }

    private static void search(Page page, String words) {
        page.locator("#inbox-search input").fill(words);
        page.locator("#inbox-search input").press("Enter");
    }

    private static void waitForText(Locator locator, String text) {
        PlaywrightAssertions.assertThat(locator)
                .containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
    }

    private static void waitForExactText(Locator locator, String text) {
        PlaywrightAssertions.assertThat(locator)
                .hasText(text, new LocatorAssertions.HasTextOptions().setTimeout(30_000));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
