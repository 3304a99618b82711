package org.heard.desk.inbox;

import java.time.Clock;
import org.heard.desk.mentions.InboxQueries;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class InboxConfiguration {

    @Bean
    InboxViews inboxViews(InboxQueries queries, Clock clock) {
        return new InboxViews(queries, clock);
    }
}
