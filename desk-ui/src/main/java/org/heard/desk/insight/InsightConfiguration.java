package org.heard.desk.insight;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.heard.desk.mentions.InboxQueries;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class InsightConfiguration {

    @Bean
    ResponseInsight responseInsight(ElasticsearchClient client, InboxQueries queries) {
        return new ResponseInsight(client, queries);
    }
}
