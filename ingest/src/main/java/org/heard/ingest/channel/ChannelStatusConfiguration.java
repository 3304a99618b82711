package org.heard.ingest.channel;

import java.time.Clock;
import java.util.List;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An ingest instance reports its connectors' states to the desk over Kafka. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
@EnableConfigurationProperties(StatusReportSettings.class)
class ChannelStatusConfiguration {

    @Bean
    ChannelStatusReporter channelStatusReporter(
            List<ChannelConnector> connectors,
            EventPublisher publisher,
            StatusReportSettings settings,
            ObjectProvider<Clock> clock) {
        return new ChannelStatusReporter(connectors, publisher, settings, clock.getIfAvailable(Clock::systemUTC));
    }
}
