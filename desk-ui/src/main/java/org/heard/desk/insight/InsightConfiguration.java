package org.heard.desk.insight;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.HashMap;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffRoster;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class InsightConfiguration {

    @Bean
    ResponseInsight responseInsight(ElasticsearchClient client, InboxQueries queries, Clock clock) {
        return new ResponseInsight(client, queries, clock);
    }

    @Bean
    Names names(ServiceCatalogue catalogue, ObjectProvider<StaffRoster> roster) {
        var staff = new HashMap<String, String>();
        roster.ifAvailable(members -> members.members().forEach(member -> {
            if (member.displayName() != null && !member.displayName().isBlank()) {
                staff.put(member.username(), member.displayName());
            }
        }));
        return new Names(id -> catalogue.service(id).map(Service::name).orElse(null), staff);
    }
}
