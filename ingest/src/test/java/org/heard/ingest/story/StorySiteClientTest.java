package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorySiteClientTest {

    private final FakeCareOpinion site = FakeCareOpinion.start();

    @AfterEach
    void stopSite() {
        site.close();
    }

    private StorySiteClient client(StorySettings settings) {
        return new StorySiteClient(
                settings,
                settings.key().orElseThrow(),
                RequestPacer.realTime(Clock.systemUTC(), settings.requestsPerSecond()),
                StorySiteClient.httpClient(settings),
                Clock.systemUTC());
    }

    private StorySiteClient client() {
        return client(TestSettings.forSite(site.apiBase()).build());
    }

    @Test
    void sendsTheSubscriptionKeyAndReadsJson() {
        site.publishStories(1, 2, TestChannel.NOW, Duration.ofMinutes(1));

        SiteReply reply = client().get("opinions", java.util.Map.of("take", "10"));

        assertThat(reply)
                .isInstanceOfSatisfying(
                        SiteReply.Json.class,
                        json -> assertThat(json.body().size()).isEqualTo(2));
    }

    @Test
    void readsAnAnswerOnlyUpToTheCapAndSaysItWasOver() {
        site.answerRaw("opinions", "[" + "{\"id\": 1, \"title\": \"padding\"},".repeat(10_000) + "{\"id\": 2}]");
        var settings = TestSettings.forSite(site.apiBase()).build();
        var capped = new StorySiteClient(
                settings,
                settings.key().orElseThrow(),
                RequestPacer.realTime(Clock.systemUTC(), settings.requestsPerSecond()),
                StorySiteClient.httpClient(settings),
                Clock.systemUTC(),
                64 * 1024);

        SiteReply reply = capped.get("opinions", java.util.Map.of());

        assertThat(reply).isInstanceOfSatisfying(SiteReply.Unreadable.class, unreadable -> {
            assertThat(unreadable.reason()).contains("is over").contains("not read");
            assertThat(unreadable.raw()).hasSizeLessThanOrEqualTo(64 * 1024).startsWith("[{\"id\": 1");
        });
    }

    @Test
    void waitsForTheAnnouncedResetAfterA429AndThenSucceeds() {
        site.rejectNext(2);

        SiteReply reply = client().get("opinions", java.util.Map.of());

        assertThat(reply).isInstanceOf(SiteReply.Json.class);
        assertThat(site.rateLimitedRequests()).isEqualTo(2);
        assertThat(site.arrivals()).hasSize(3);
        long lastReset = site.announcedResets().getLast();
        assertThat(site.arrivals().getLast()).isGreaterThanOrEqualTo(lastReset * 1000);
    }

    @Test
    void reportsRateLimitedWhenTheLimitOutlastsTheRetries() {
        site.rejectNext(10);
        StorySiteClient client = client(TestSettings.forSite(site.apiBase())
                .requestTimeout(Duration.ofSeconds(5), 1)
                .build());

        SiteReply reply = client.get("opinions", java.util.Map.of());

        assertThat(reply).isInstanceOf(SiteReply.RateLimited.class);
        assertThat(site.requests()).isEqualTo(2);
        assertThat(client.rateLimitedUntil()).isPresent();
    }

    @Test
    void staysUnderFiveRequestsPerSecondWithoutEarningA429() {
        StorySiteClient client = client();

        for (int i = 0; i < 12; i++) {
            assertThat(client.get("opinions", java.util.Map.of())).isInstanceOf(SiteReply.Json.class);
        }

        assertThat(site.rateLimitedRequests()).isZero();
    }

    @Test
    void reportsAuthFailedWithoutFollowingTheRedirectToTheLoginPage() {
        SiteReply reply = client(
                        TestSettings.forSite(site.apiBase()).key("wrong-key").build())
                .get("opinions", java.util.Map.of());

        assertThat(reply)
                .isInstanceOfSatisfying(
                        SiteReply.AuthFailed.class,
                        failed -> assertThat(failed.detail())
                                .contains("redirected opinions to /account/login")
                                .contains("subscription key was refused")
                                .doesNotContain("wrong-key"));
        assertThat(site.requestLog()).containsExactly("/api/v2/opinions");
    }

    @Test
    void reportsAuthFailedWhenAnHtmlPageComesInsteadOfJson() {
        site.answerHtmlLoginPage(true);

        SiteReply reply = client().get("opinions", java.util.Map.of());

        assertThat(reply)
                .isInstanceOfSatisfying(
                        SiteReply.AuthFailed.class,
                        failed -> assertThat(failed.detail()).contains("HTML page where JSON was expected"));
    }

    @Test
    void givesUpOnASlowSiteAfterTheRetriesAndRecoversWhenItIsFastAgain() {
        StorySiteClient client = client(TestSettings.forSite(site.apiBase())
                .requestTimeout(Duration.ofMillis(500), 1)
                .build());
        site.slowBy(Duration.ofSeconds(3));

        SiteReply slow = client.get("opinions", java.util.Map.of());
        site.slowBy(Duration.ZERO);
        SiteReply fast = client.get("opinions", java.util.Map.of());

        assertThat(slow)
                .isInstanceOfSatisfying(
                        SiteReply.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).contains("after 2 attempts"));
        assertThat(fast).isInstanceOf(SiteReply.Json.class);
    }

    @Test
    void keepsABrokenJsonAnswerWholeForTheDeadLetters() {
        site.answerRaw("opinions", "[{\"id\": 1,");

        SiteReply reply = client().get("opinions", java.util.Map.of());

        assertThat(reply).isInstanceOfSatisfying(SiteReply.Unreadable.class, unreadable -> {
            assertThat(unreadable.raw()).isEqualTo("[{\"id\": 1,");
            assertThat(unreadable.reason()).startsWith("broken JSON from opinions");
        });
    }
}
