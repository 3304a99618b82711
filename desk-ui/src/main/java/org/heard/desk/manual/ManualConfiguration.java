package org.heard.desk.manual;

import java.time.Clock;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class ManualConfiguration {

    @Bean
    LoggedFeedback loggedFeedback(EventPublisher publisher, Clock clock) {
        return new LoggedFeedback(publisher, clock);
    }
}
