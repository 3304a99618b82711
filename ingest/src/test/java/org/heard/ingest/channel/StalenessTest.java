package org.heard.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.heard.contracts.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StalenessTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");
    private final Staleness thirtyMinutes =
            new Staleness(Duration.ofMinutes(30), "heard.channel.story.stale-after=PT30M");

    @Test
    void isNotStaleUpToTheAllowedTimeAndStaleJustAfter() {
        var lastSuccess = START.plusSeconds(60);

        assertThat(thirtyMinutes.check("stories", lastSuccess, START, lastSuccess.plus(Duration.ofMinutes(30))))
                .isEmpty();
        assertThat(thirtyMinutes.check(
                        "stories",
                        lastSuccess,
                        START,
                        lastSuccess.plus(Duration.ofMinutes(30)).plusSeconds(1)))
                .hasValue(
                        "no successful poll of stories since 2026-11-20T10:01:00Z (over heard.channel.story.stale-after=PT30M)");
    }

    @Test
    void countsFromTheStartBeforeTheFirstSuccess() {
        assertThat(thirtyMinutes.check("stories", null, START, START.plus(Duration.ofMinutes(31))))
                .hasValueSatisfying(detail -> assertThat(detail)
                        .startsWith("no successful poll of stories since start 2026-11-20T10:00:00Z"));
    }

    @Test
    void aMultipleOfThePollIntervalIsTheLimit() {
        var tenPolls = Staleness.ofPolls(Duration.ofMinutes(1), 10, "stale-after-polls");

        assertThat(tenPolls.allowed()).isEqualTo(Duration.ofMinutes(10));
        assertThatThrownBy(() -> Staleness.ofPolls(Duration.ofMinutes(1), 0, "heard.channel.twitter.stale-after-polls"))
                .hasMessageContaining("heard.channel.twitter.stale-after-polls");
    }

    @Test
    void aStaleAccountTakesTheHealthEndpointDown() {
        ChannelConnector stale = () -> new ChannelStatus(
                Channel.TWITTER, "@trust", ChannelState.STALE, ChannelState.HEALTHY, "no successful poll", START);

        assertThat(new ChannelsHealth(List.of(stale)).health().getStatus()).isEqualTo(Status.DOWN);
    }
}
