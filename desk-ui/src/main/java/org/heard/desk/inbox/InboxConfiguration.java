package org.heard.desk.inbox;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.reply.ReplyTracker;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class InboxConfiguration {

    @Bean(initMethod = "ensureExists")
    SavedViews savedViews(ElasticsearchClient client) {
        return new SavedViews(client);
    }

    @Bean
    LiveInbox liveInbox(ObjectProvider<MentionFeed> feed, ObjectProvider<ReplyTracker> outcomes) {
        return new LiveInbox(feed, outcomes);
    }

    @Bean
    InboxViews inboxViews(InboxQueries queries, SavedViews saved, Clock clock) {
        return new InboxViews(queries, saved, clock);
    }
}
