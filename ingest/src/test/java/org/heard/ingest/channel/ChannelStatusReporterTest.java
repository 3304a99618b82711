package org.heard.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.contracts.Channel;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.ChannelStatusReported.ConnectorState;
import org.heard.contracts.Topics;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;

class ChannelStatusReporterTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final RecordingEventPublisher published = new RecordingEventPublisher();
    private final AtomicReference<ChannelStatus> x = new AtomicReference<>(new ChannelStatus(
            Channel.TWITTER, "@StMaryTrust", ChannelState.HEALTHY, ChannelState.HEALTHY, null, START));
    private final ChannelConnector story = () -> new ChannelStatus(
            Channel.STORY,
            null,
            ChannelState.NOT_CONFIGURED,
            ChannelState.NOT_CONFIGURED,
            "no Care Opinion subscription key",
            null);
    private final ChannelStatusReporter reporter = new ChannelStatusReporter(
            List.of(x::get, story),
            published,
            new StatusReportSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), "ingest-1"),
            clock);

    @Test
    void sendsEveryAccountFirstThenOnlyChangesUntilTheHeartbeatIsDue() {
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS))
                .extracting(ChannelStatusReported::key)
                .containsExactly("twitter:@StMaryTrust", "story:-");
        assertThat(published.on(Topics.CHANNEL_STATUS).get(1).inbound()).isEqualTo(ConnectorState.NOT_CONFIGURED);
        assertThat(published.on(Topics.CHANNEL_STATUS).get(0).instance()).isEqualTo("ingest-1");

        clock.advance(Duration.ofSeconds(5));
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS)).hasSize(2);

        var reset = START.plus(Duration.ofMinutes(15));
        x.set(new ChannelStatus(
                Channel.TWITTER,
                "@StMaryTrust",
                ChannelState.RATE_LIMITED,
                ChannelState.HEALTHY,
                "X rate limit reached for mentions",
                START,
                reset,
                null));
        clock.advance(Duration.ofSeconds(5));
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS)).hasSize(3);
        var change = published.on(Topics.CHANNEL_STATUS).get(2);
        assertThat(change.inbound()).isEqualTo(ConnectorState.RATE_LIMITED);
        assertThat(change.rateLimitedUntil()).isEqualTo(reset);
        assertThat(change.reportedAt()).isEqualTo(START.plusSeconds(10));

        clock.advance(Duration.ofSeconds(20));
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS))
                .extracting(ChannelStatusReported::key)
                .as("the story heartbeat, 30 s after its first report")
                .endsWith("story:-")
                .hasSize(4);
        clock.advance(Duration.ofSeconds(10));
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS))
                .extracting(ChannelStatusReported::key)
                .endsWith("twitter:@StMaryTrust")
                .hasSize(5);
    }

    @Test
    void aReportKafkaRefusedIsSentAgainAtTheNextLook() {
        published.goDown();
        reporter.report();
        assertThat(published.on(Topics.CHANNEL_STATUS)).isEmpty();

        published.acceptAll();
        clock.advance(Duration.ofSeconds(5));
        reporter.report();

        assertThat(published.on(Topics.CHANNEL_STATUS))
                .extracting(ChannelStatusReported::key)
                .containsExactly("twitter:@StMaryTrust", "story:-");
    }

    @Test
    void aConnectorThatFailsToReportDoesNotStopTheOthers() {
        ChannelConnector broken = () -> {
            throw new IllegalStateException("no status");
        };
        var withBroken = new ChannelStatusReporter(
                List.of(broken, story),
                published,
                new StatusReportSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), "ingest-1"),
                clock);

        withBroken.report();

        assertThat(published.on(Topics.CHANNEL_STATUS))
                .extracting(ChannelStatusReported::key)
                .containsExactly("story:-");
    }

    @Test
    void everyConnectorStateHasAWireState() {
        for (var state : ChannelState.values()) {
            assertThat(ConnectorState.valueOf(state.name())).isNotNull();
        }
    }
}
