package org.heard.desk.mentions;

import java.time.Clock;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.audit.AuditTrail;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.heard.mentions.MentionIndex;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class MentionsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTree serviceTree(ServiceCatalogue catalogue) {
        return new CatalogueServiceTree(catalogue);
    }

    @Bean
    InboxQueries inboxQueries(MentionIndex index, ServiceTree tree, AuditTrail audit) {
        return new InboxQueries(index, tree, audit);
    }

    @Bean
    MentionWork mentionWork(InboxQueries queries, MentionIndex index, ActivityLog activity, Clock clock) {
        return new MentionWork(queries, index, activity, clock);
    }
}
