package org.heard.desk.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffSettings;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void quietHoursSpanningMidnightAreReadInUkTimeIncludingSummerTime() {
        var night = subscription(new AlertSettings.Subscriber(
                "nina",
                "n@trust.test",
                Set.of(),
                true,
                AlertSettings.Digest.OFF,
                null,
                null,
                LocalTime.of(22, 0),
                LocalTime.of(7, 0)));

        assertThat(night.quietAt(Instant.parse("2030-01-15T23:30:00Z"))).isTrue();
        assertThat(night.quietAt(Instant.parse("2030-01-15T06:59:00Z"))).isTrue();
        assertThat(night.quietAt(Instant.parse("2030-01-15T07:00:00Z"))).isFalse();
        // 21:30 UTC in July is 22:30 in London.
        assertThat(night.quietAt(Instant.parse("2030-07-15T21:30:00Z"))).isTrue();
        assertThat(night.quietAt(Instant.parse("2030-07-15T12:00:00Z"))).isFalse();
    }

    @Test
    void aWeeklyDigestCoversTheSevenDaysBeforeItsDayAndTime() {
        var weekly = subscription(new AlertSettings.Subscriber(
                "wes",
                "w@trust.test",
                Set.of(),
                true,
                AlertSettings.Digest.WEEKLY,
                LocalTime.of(9, 0),
                DayOfWeek.MONDAY,
                null,
                null));

        // Wednesday 16 Jan 2030: the latest due is Monday 14 Jan 09:00.
        var period = weekly.latestDigest(Instant.parse("2030-01-16T12:00:00Z")).orElseThrow();

        assertThat(period.key()).isEqualTo("digest-weekly-2030-01-14");
        assertThat(period.from()).isEqualTo(Instant.parse("2030-01-07T09:00:00Z"));
        assertThat(period.before()).isEqualTo(Instant.parse("2030-01-14T09:00:00Z"));
        assertThat(weekly.latestDigest(Instant.parse("2030-01-14T08:59:00Z"))
                        .orElseThrow()
                        .key())
                .isEqualTo("digest-weekly-2030-01-07");
    }

    @Test
    void aDailyDigestAtEightIsAtEightLondonTimeInSummer() {
        var daily = subscription(new AlertSettings.Subscriber(
                "dee",
                "d@trust.test",
                Set.of(),
                true,
                AlertSettings.Digest.DAILY,
                LocalTime.of(8, 0),
                null,
                null,
                null));

        var period = daily.latestDigest(Instant.parse("2030-07-15T07:30:00Z")).orElseThrow();

        assertThat(period.before()).isEqualTo(Instant.parse("2030-07-15T07:00:00Z"));
        assertThat(period.from()).isEqualTo(Instant.parse("2030-07-14T07:00:00Z"));
        assertThat(subscription(new AlertSettings.Subscriber(
                                "off", "o@trust.test", Set.of(), true, null, null, null, null, null))
                        .latestDigest(Instant.parse("2030-07-15T07:30:00Z")))
                .isEmpty();
    }

    @Test
    void servicesDefaultToThePersonsScopeEverythingForRespondersAndTheirOwnForManagers() {
        var staff = new StaffSettings(List.of(
                new StaffSettings.StaffMember(
                        "sam", "{noop}x", null, null, null, Set.of(StaffRole.RESPONDER), Set.of()),
                new StaffSettings.StaffMember(
                        "wendy", "{noop}x", null, null, null, Set.of(StaffRole.MANAGER), Set.of("ward-7"))));
        var subscriptions = new Subscriptions(
                List.of(
                        plain("sam"),
                        plain("wendy"),
                        new AlertSettings.Subscriber(
                                "omar", "o@trust.test", Set.of("maternity"), true, null, null, null, null, null)),
                staff,
                services -> services.contains("ward-7") ? Set.of("ward-7", "ward-7-bay-a") : services);

        assertThat(subscriptions.of("sam").orElseThrow().covers(List.of("anything")))
                .isTrue();
        assertThat(subscriptions.of("wendy").orElseThrow().covers(List.of("ward-7-bay-a")))
                .isTrue();
        assertThat(subscriptions.of("wendy").orElseThrow().covers(List.of("maternity")))
                .isFalse();
        assertThat(subscriptions.of("omar").orElseThrow().covers(List.of("maternity")))
                .isTrue();
        assertThat(subscriptions.of("omar").orElseThrow().covers(List.of())).isFalse();
    }

    @Test
    void settingsRefuseASubscriberWithoutAnAddressAndHalfAQuietPeriod() {
        assertThatThrownBy(() -> new AlertSettings.Subscriber("x", null, null, true, null, null, null, null, null))
                .hasMessageContaining("needs an email address");
        assertThatThrownBy(() ->
                        new AlertSettings.Subscriber("x", "x@t", null, true, null, null, null, LocalTime.NOON, null))
                .hasMessageContaining("both quiet-from and quiet-to");
        assertThatThrownBy(() -> new AlertSettings(
                        true,
                        null,
                        null,
                        null,
                        null,
                        List.of(plain("a"), plain("a")),
                        Map.of(),
                        null,
                        5,
                        null,
                        null,
                        null))
                .hasMessageContaining("listed once");
        assertThatThrownBy(() ->
                        new AlertSettings(true, null, null, null, null, null, null, Duration.ZERO, 5, null, null, null))
                .hasMessageContaining("escalate-after");
    }

    @Test
    void theWebhookSecretIsNeverInItsDescription() {
        var webhook = new AlertSettings.Webhook("https://pager.example/hook", null, "very-secret", null);

        assertThat(webhook.toString()).doesNotContain("very-secret").contains("X-Heard-Secret");
        assertThat(new AlertSettings.Smtp("smtp.example", 587, null, "me", "pw-123", null).toString())
                .doesNotContain("pw-123");
    }

    private static AlertSettings.Subscriber plain(String username) {
        return new AlertSettings.Subscriber(
                username, username + "@trust.test", null, true, null, null, null, null, null);
    }

    private static Subscription subscription(AlertSettings.Subscriber subscriber) {
        return new Subscriptions(List.of(subscriber), new StaffSettings(List.of()), services -> services)
                .of(subscriber.username())
                .orElseThrow();
    }
}
