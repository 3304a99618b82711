package org.heard.desk.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * OpenID Connect sign-in when an issuer is configured. The provider's discovery document is read at
 * start-up (endpoints, signing keys' location), so a wrong issuer stops the start with a clear error.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "heard.security.oidc", name = "issuer-uri")
class SingleSignOnConfiguration {

    @Bean
    SingleSignOn singleSignOn(OidcSettings oidc, StaffSettings staff) {
        var registration = ClientRegistrations.fromOidcIssuerLocation(
                        oidc.issuerUri().toString())
                .registrationId(SingleSignOn.REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.secret())
                .clientName(oidc.name())
                .scope(oidc.scopes())
                .userNameAttributeName(oidc.usernameClaim())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new SingleSignOn(
                registration, new OidcStaff(oidc), oidc.name(), !staff.users().isEmpty());
    }
}
