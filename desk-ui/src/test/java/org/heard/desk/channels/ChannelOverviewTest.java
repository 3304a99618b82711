package org.heard.desk.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.ChannelStatusReported.ConnectorState;
import org.junit.jupiter.api.Test;

class ChannelOverviewTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private final ChannelOverview overview = new ChannelOverview(
            new ChannelsPageSettings(Duration.ofSeconds(90), Duration.ofDays(14)), ZoneId.of("Europe/London"));

    private static ChannelStatusReported report(
            Channel channel,
            String account,
            ConnectorState inbound,
            ConnectorState outbound,
            String detail,
            Instant rateLimitedUntil,
            Instant tokenExpiresAt,
            Instant reportedAt) {
        return new ChannelStatusReported(
                channel,
                account,
                inbound,
                outbound,
                detail,
                NOW.minusSeconds(300),
                rateLimitedUntil,
                tokenExpiresAt,
                reportedAt,
                "ingest-1/4711");
    }

    @Test
    void aRateLimitedAccountShowsTheResetAndTheTimeUntilIt() {
        var limited = report(
                Channel.TWITTER,
                "@StMaryTrust",
                ConnectorState.RATE_LIMITED,
                ConnectorState.HEALTHY,
                "X rate limit reached for mentions",
                NOW.plus(Duration.ofMinutes(14)),
                null,
                NOW);

        var line = overview.line(limited, Optional.of(Map.of("twitter:@StMaryTrust", 7L)), NOW);

        assertThat(line.state()).isEqualTo("Rate-limited until 20 Nov 2026, 10:14 (in 14 min)");
        assertThat(line.backlog()).isEqualTo("Backlog: 7 unanswered mentions; fetching resumes in 14 min");
        assertThat(line.tone()).isEqualTo("warning");
        assertThat(line.lastFetch()).isEqualTo("Last successful fetch: 20 Nov 2026, 09:55 (5 min ago)");
        assertThat(line.warnings()).isEmpty();
    }

    @Test
    void refusedCredentialsNameTheFixForTheChannel() {
        var refused = report(
                Channel.TWITTER,
                "@StMaryTrust",
                ConnectorState.AUTH_FAILED,
                ConnectorState.AUTH_FAILED,
                "X refused the credentials (401 Unauthorized)",
                null,
                null,
                NOW);

        var line = overview.line(refused, Optional.of(Map.of()), NOW);

        assertThat(line.state()).isEqualTo("Authentication failed");
        assertThat(line.tone()).isEqualTo("alarm");
        assertThat(line.fix())
                .contains("X developer portal", "heard.channel.twitter.accounts[N]", "restart the ingest instance");
        assertThat(line.backlog()).isEqualTo("Backlog: 0 unanswered mentions");
    }

    @Test
    void warnsOfATokenThatExpiresWithinTwoWeeksButNotEarlier() {
        var soon = report(
                Channel.STORY,
                "careopinion",
                ConnectorState.HEALTHY,
                ConnectorState.HEALTHY,
                "ok",
                null,
                NOW.plus(Duration.ofDays(10)),
                NOW);
        var later = report(
                Channel.STORY,
                "careopinion",
                ConnectorState.HEALTHY,
                ConnectorState.HEALTHY,
                "ok",
                null,
                NOW.plus(Duration.ofDays(15)),
                NOW);
        var expired = report(
                Channel.STORY,
                "careopinion",
                ConnectorState.HEALTHY,
                ConnectorState.HEALTHY,
                "ok",
                null,
                NOW.minusSeconds(60),
                NOW);

        assertThat(overview.line(soon, Optional.empty(), NOW).warnings())
                .containsExactly("Token expires on 30 Nov 2026, 10:00 (in 10 days): renew it before then.");
        assertThat(overview.line(later, Optional.empty(), NOW).warnings()).isEmpty();
        assertThat(overview.line(expired, Optional.empty(), NOW).warnings())
                .singleElement()
                .asString()
                .startsWith("Token expired on");
    }

    @Test
    void saysWhenIngestStoppedReporting() {
        var old = report(
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                ConnectorState.HEALTHY,
                ConnectorState.HEALTHY,
                "ok",
                null,
                null,
                NOW.minus(Duration.ofMinutes(10)));
        var recent = report(
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                ConnectorState.HEALTHY,
                ConnectorState.HEALTHY,
                "ok",
                null,
                null,
                NOW.minus(Duration.ofSeconds(60)));

        assertThat(overview.line(old, Optional.empty(), NOW).warnings())
                .singleElement()
                .asString()
                .startsWith("No report from ingest since 20 Nov 2026, 09:50 (10 min ago, from ingest-1/4711)");
        assertThat(overview.line(recent, Optional.empty(), NOW).warnings()).isEmpty();
    }

    @Test
    void aChannelWithoutAccountsPointsAtItsSettings() {
        var none = report(
                Channel.TWITTER,
                null,
                ConnectorState.NOT_CONFIGURED,
                ConnectorState.NOT_CONFIGURED,
                "Set heard.channel.twitter.accounts[0].*",
                null,
                null,
                NOW);

        var line = overview.line(none, Optional.of(Map.of()), NOW);

        assertThat(line.account()).isEqualTo("(no account configured)");
        assertThat(line.state()).isEqualTo("Not configured");
        assertThat(line.fix()).contains("deploy/configuration.md", "heard.channel.twitter");
        assertThat(line.key()).isEqualTo("channel-twitter-");
    }

    @Test
    void showsSendingTroubleNextToAHealthyIntakeAndOrdersByChannel() {
        var sending = report(
                Channel.TWITTER, "@B", ConnectorState.HEALTHY, ConnectorState.FAILING, "Sending: 503", null, null, NOW);
        var mail =
                report(Channel.EMAIL, "a@trust", ConnectorState.HEALTHY, ConnectorState.HEALTHY, null, null, null, NOW);

        var lines = overview.lines(List.of(sending, mail), Optional.of(Map.of()), NOW);

        assertThat(lines).extracting(ChannelOverview.AccountLine::channel).containsExactly("Email", "X (Twitter)");
        assertThat(lines.get(1).state()).isEqualTo("Healthy · sending: failing, retrying");
        assertThat(lines.get(1).tone()).isEqualTo("alarm");
    }
}
