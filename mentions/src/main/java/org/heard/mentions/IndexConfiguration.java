package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean(initMethod = "ensureExists")
    MentionIndex mentionIndex(ElasticsearchClient client) {
        return new MentionIndex(client);
    }
}
