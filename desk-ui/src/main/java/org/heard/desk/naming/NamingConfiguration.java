package org.heard.desk.naming;

import org.heard.desk.security.StaffRoster;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
class NamingConfiguration {

    @Bean
    DeskNames deskNames(ServiceCatalogue catalogue, StaffRoster roster) {
        return new DeskNames(catalogue, roster);
    }
}
