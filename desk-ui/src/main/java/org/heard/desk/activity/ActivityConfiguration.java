package org.heard.desk.activity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class ActivityConfiguration {

    @Bean(initMethod = "ensureExists")
    ActivityLog activityLog(ElasticsearchClient client) {
        return new ActivityLog(client);
    }
}
