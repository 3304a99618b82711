package org.heard.desk.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.audit.AuditTrail;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.StaffWrites;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(IdentityShieldSettings.class)
class MentionsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTree serviceTree(ServiceCatalogue catalogue) {
        return new CatalogueServiceTree(catalogue);
    }

    @Bean
    IdentityShield identityShield(IdentityShieldSettings settings) {
        return new IdentityShield(settings);
    }

    @Bean(initMethod = "ensureExists")
    IdentityReveals identityReveals(ElasticsearchClient client) {
        return new IdentityReveals(client);
    }

    @Bean
    InboxQueries inboxQueries(
            MentionSearch index,
            ServiceTree tree,
            IdentityShield shield,
            IdentityReveals reveals,
            ActivityLog activity,
            AuditTrail audit) {
        return new InboxQueries(index, tree, shield, reveals, activity, audit);
    }

    @Bean
    AuthorReveal authorReveal(
            InboxQueries queries, IdentityShield shield, IdentityReveals reveals, AuditTrail audit, Clock clock) {
        return new AuthorReveal(queries, shield, reveals, audit, clock);
    }

    @Bean
    ConversationHistory conversationHistory(InboxQueries queries, ActivityLog activity) {
        return new ConversationHistory(queries, activity);
    }

    @Bean
    MentionWork mentionWork(InboxQueries queries, StaffWrites index, ActivityLog activity, Clock clock) {
        return new MentionWork(queries, index, activity, clock);
    }
}
