package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;

class StoryHealthTest {

    private static final URI SITE = URI.create("http://127.0.0.1:1/api/v2/");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private Optional<Instant> rateLimitedUntil = Optional.empty();
    private final StoryHealth health =
            new StoryHealth(TestSettings.forSite(SITE).build(), true, clock, () -> rateLimitedUntil);

    @Test
    void isNotConfiguredWithoutAKeyAndSaysWhereToSetIt() {
        StoryChannel channel = new StoryChannel(
                TestSettings.forSite(SITE).key(null).build(),
                new InMemoryCheckpointStore(),
                new RecordingEventPublisher(),
                clock);

        channel.pollOnce();
        ChannelStatus status = channel.health().status();

        assertThat(channel.active()).isFalse();
        assertThat(status.channel()).isEqualTo(Channel.STORY);
        assertThat(status.inbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
        assertThat(status.outbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
        assertThat(status.detail()).contains("HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY", "subscription-key-file");
    }

    @Test
    void logsEachChangeOfStateOnceRefusedCredentialsAsAnError() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(StoryHealth.class);
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logged.start();
        logger.addAppender(logged);
        try {
            for (int poll = 0; poll < 3; poll++) {
                health.inboundFailed(ChannelState.AUTH_FAILED, "Care Opinion refused the subscription key (HTTP 401)");
            }
            health.inboundFailed(ChannelState.FAILING, "HTTP 503 after 3 attempts");
            health.inboundFailed(ChannelState.FAILING, "HTTP 503 after 3 attempts");
            health.inboundSucceeded();
            health.inboundSucceeded();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list)
                .extracting(event -> event.getLevel().toString())
                .containsExactly("ERROR", "WARN", "INFO");
        assertThat(logged.list.getFirst().getFormattedMessage()).contains("AUTH_FAILED", "HTTP 401", "careopinion");
        assertThat(logged.list.get(1).getFormattedMessage()).contains("FAILING", "503");
    }

    @Test
    void becomesStaleWhenNoPollSucceedsForLongerThanAllowedAndRecovers() {
        health.inboundSucceeded();
        health.outboundSucceeded();
        clock.advance(Duration.ofMinutes(29));
        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);

        clock.advance(Duration.ofMinutes(2));
        ChannelStatus stale = health.status();
        health.inboundSucceeded();
        health.outboundSucceeded();

        assertThat(stale.inbound()).isEqualTo(ChannelState.STALE);
        assertThat(stale.detail()).contains("no successful poll of stories since 2026-11-20T12:00:00Z");
        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void isStaleWhenNoPollHasEverSucceeded() {
        clock.advance(Duration.ofMinutes(31));

        assertThat(health.status().inbound()).isEqualTo(ChannelState.STALE);
    }

    @Test
    void staysAuthFailedUntilAPollSucceeds() {
        health.inboundFailed(ChannelState.AUTH_FAILED, "redirected to the login page");
        clock.advance(Duration.ofHours(2));
        assertThat(health.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);

        health.inboundSucceeded();

        assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void showsRateLimitedWhileTheSiteSaysToWait() {
        health.inboundSucceeded();
        rateLimitedUntil = Optional.of(clock.instant().plusSeconds(1));

        assertThat(health.status().inbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(health.status().detail()).contains("rate limit");
    }

    @Test
    void isDisabledWhenSwitchedOff() {
        StorySettings off = TestSettings.forSite(SITE).disabled().build();
        StoryChannel channel =
                new StoryChannel(off, new InMemoryCheckpointStore(), new RecordingEventPublisher(), clock);

        assertThat(channel.active()).isFalse();
        assertThat(channel.health().status().inbound()).isEqualTo(ChannelState.DISABLED);
    }
}
