package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.Staleness;
import org.heard.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccountHealthTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccountHealth.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void refusedCredentialsAreAnErrorOnceNotOnEveryPoll() {
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null);

        for (int poll = 0; poll < 5; poll++) {
            health.inbound(ChannelState.AUTH_FAILED, "X refused the credentials (401 Unauthorized) for @StMaryTrust");
        }
        health.fetched(Instant.parse("2026-11-20T10:00:00Z"));

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.ERROR)
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .contains("@StMaryTrust")
                        .contains("AUTH_FAILED")
                        .contains("401"));
        assertThat(logged.list).hasSize(2);
        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(health.status().lastSuccessfulFetch()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void showsSendingTroubleNextToAHealthyIntake() {
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null);

        health.outbound(ChannelState.RATE_LIMITED, "X rate limit reached for posting; until 2026-11-20T10:15:00Z");

        var status = health.status();
        assertThat(status.inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(status.outbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(status.detail()).isEqualTo("Sending: X rate limit reached for posting; until 2026-11-20T10:15:00Z");
    }

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private static final Staleness TEN_POLLS =
            Staleness.ofPolls(Duration.ofMinutes(1), 10, "heard.channel.twitter.stale-after-polls");

    @Test
    void anAccountWithoutASuccessfulFetchForTenPollIntervalsIsStaleInHealth() {
        var clock = new MutableClock(START);
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null, TEN_POLLS, null, clock);
        health.fetched(START);
        health.inbound(ChannelState.FAILING, "Fetching mentions: 503; next try at 10:02");

        clock.advance(Duration.ofMinutes(10));
        assertThat(health.status().inbound()).isEqualTo(ChannelState.FAILING);
        clock.advance(Duration.ofSeconds(1));
        var stale = health.status();

        assertThat(stale.inbound()).isEqualTo(ChannelState.STALE);
        assertThat(stale.detail())
                .contains("since 2026-11-20T10:00:00Z", "stale-after-polls", "last problem: Fetching mentions: 503");
        assertThat(stale.lastSuccessfulFetch()).isEqualTo(START);
        assertThat(logged.list)
                .anySatisfy(event -> assertThat(event.getFormattedMessage()).contains("STALE"));

        health.fetched(clock.instant());
        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void aRateLimitWithItsResetAheadShowsTheResetNotStale() {
        var clock = new MutableClock(START);
        var health = new AccountHealth("@StMaryTrust", ChannelState.HEALTHY, null, TEN_POLLS, null, clock);
        var reset = START.plus(Duration.ofMinutes(15));
        health.inbound(ChannelState.RATE_LIMITED, "X rate limit reached for mentions; waiting until " + reset, reset);

        clock.advance(Duration.ofMinutes(12));
        var limited = health.status();
        assertThat(limited.inbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(limited.rateLimitedUntil()).isEqualTo(reset);

        clock.advance(Duration.ofMinutes(4));
        assertThat(health.status().inbound()).isEqualTo(ChannelState.STALE);
    }

    @Test
    void anAccountThatIsNotPolledIsNeverStale() {
        var health = new AccountHealth(
                "(no account)", ChannelState.NOT_CONFIGURED, "Set heard.channel.twitter.accounts[0].*");

        assertThat(health.status().inbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
    }

    @Test
    void refusedCredentialsStayAuthFailedHoweverLongTheyLast() {
        var clock = new MutableClock(START);
        var health = new AccountHealth(
                "@StMaryTrust", ChannelState.HEALTHY, null, TEN_POLLS, Instant.parse("2026-12-01T00:00:00Z"), clock);
        health.inbound(ChannelState.AUTH_FAILED, "X refused the credentials (401 Unauthorized)");

        clock.advance(Duration.ofHours(3));

        assertThat(health.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(health.status().tokenExpiresAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }
}
