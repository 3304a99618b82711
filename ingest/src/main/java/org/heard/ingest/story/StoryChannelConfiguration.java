package org.heard.ingest.story;

import java.time.Clock;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.ingest.channel.ReplySender;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Care Opinion channel on an ingest instance: its health, its reply sender and its poller.
 * Needs an {@link EventPublisher} and a {@link CheckpointStore}; uses the application's
 * {@link Clock} when there is one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
@EnableConfigurationProperties(StorySettings.class)
public class StoryChannelConfiguration {

    @Bean
    StoryChannel storyChannel(
            StorySettings settings,
            CheckpointStore checkpoints,
            EventPublisher publisher,
            ObjectProvider<Clock> clock) {
        return new StoryChannel(settings, checkpoints, publisher, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ChannelConnector storyChannelStatus(StoryChannel channel) {
        return channel.health();
    }

    @Bean
    ReplySender storyReplySender(StoryChannel channel) {
        return channel.sender();
    }

    @Bean
    StoryPolling storyPolling(StoryChannel channel, ObjectProvider<ChannelLeases> leases) {
        return new StoryPolling(channel, leases.getIfAvailable(ChannelLeases::allOnThisInstance));
    }
}
