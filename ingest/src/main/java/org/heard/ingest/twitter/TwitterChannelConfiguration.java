package org.heard.ingest.twitter;

import java.time.Clock;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The X channel in an instance that plays the ingest role: polling per account, the reply sender,
 * and one {@link org.heard.ingest.channel.ChannelConnector} bean per account for health and the desk.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
@EnableConfigurationProperties(TwitterSettings.class)
@Import(TwitterConnectorBeans.class)
public class TwitterChannelConfiguration {

    @Bean
    TwitterChannel twitterChannel(
            TwitterSettings settings,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            ObjectProvider<Clock> clock,
            ObjectProvider<ChannelLeases> leases) {
        return TwitterChannel.create(
                settings,
                publisher,
                checkpoints,
                clock.getIfAvailable(Clock::systemUTC),
                leases.getIfAvailable(ChannelLeases::allOnThisInstance));
    }

    @Bean
    TwitterReplySender twitterReplySender(TwitterChannel channel) {
        return channel.replySender();
    }
}
