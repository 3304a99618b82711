package org.heard.desk.channels;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(ChannelsPageSettings.class)
class ChannelsConfiguration {

    @Bean
    ChannelBoard channelBoard(EventPublisher publisher) {
        return new ChannelBoard(publisher);
    }

    @Bean
    ChannelBacklog channelBacklog(ElasticsearchClient client) {
        return new ChannelBacklog(client);
    }
}
