package org.heard.desk.presence;

import java.time.Clock;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class PresenceConfiguration {

    @Bean
    Presence presence(Clock clock) {
        return new Presence(clock);
    }
}
