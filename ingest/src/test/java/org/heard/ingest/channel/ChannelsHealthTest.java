package org.heard.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.heard.contracts.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class ChannelsHealthTest {

    static ChannelConnector account(Channel channel, String name, ChannelState inbound, ChannelState outbound) {
        return () -> new ChannelStatus(channel, name, inbound, outbound, inbound + " detail", Instant.EPOCH);
    }

    @Test
    void staysUpForHealthyRateLimitedAndUnconfiguredAccounts() {
        var health = new ChannelsHealth(List.of(
                        account(Channel.EMAIL, "feedback@trust", ChannelState.HEALTHY, ChannelState.HEALTHY),
                        account(Channel.TWITTER, "@trust", ChannelState.RATE_LIMITED, ChannelState.HEALTHY),
                        account(Channel.STORY, null, ChannelState.NOT_CONFIGURED, ChannelState.NOT_CONFIGURED)))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKeys("email:feedback@trust", "twitter:@trust", "story:-");
    }

    @Test
    void goesDownWhenCredentialsAreRefusedSoSomeoneIsAlerted() {
        var health = new ChannelsHealth(List.of(
                        account(Channel.EMAIL, "feedback@trust", ChannelState.HEALTHY, ChannelState.HEALTHY),
                        account(Channel.TWITTER, "@trust", ChannelState.AUTH_FAILED, ChannelState.AUTH_FAILED)))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("twitter:@trust"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("inbound", ChannelState.AUTH_FAILED);
    }
}
