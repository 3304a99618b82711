package org.heard.desk.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Sign-in through the configured OpenID Connect provider, on the desk's own login page. Exists only
 * when {@code heard.security.oidc.issuer-uri} is set.
 */
public final class SingleSignOn {

    static final String REGISTRATION_ID = "oidc";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private final ClientRegistration registration;
    private final ClientRegistrationRepository registrations;
    private final OidcStaff staff;
    private final String providerName;
    private final boolean passwordsToo;

    SingleSignOn(ClientRegistration registration, OidcStaff staff, String providerName, boolean passwordsToo) {
        this.registration = registration;
        this.registrations = new InMemoryClientRegistrationRepository(registration);
        this.staff = staff;
        this.providerName = providerName;
        this.passwordsToo = passwordsToo;
    }

    /** Where the login page's "Sign in with …" link goes. */
    public String loginPath() {
        return "/oauth2/authorization/" + registration.getRegistrationId();
    }

    public String providerName() {
        return providerName;
    }

    /** Whether configured users may also log in with a password. */
    public boolean passwordsToo() {
        return passwordsToo;
    }

    /** Adds OpenID Connect login to the desk's filter chain; failures land on the login page with an error. */
    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                .failureUrl("/login?error")
                .clientRegistrationRepository(registrations)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(staffService())));
    }

    /**
     * Logging out also ends the session at the provider when it offers that (Entra does), so the
     * next person at a shared ward computer is not signed straight back in as the last one.
     */
    LogoutSuccessHandler logoutSuccessHandler() {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/login");
        handler.setDefaultTargetUrl("/login");
        return handler;
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> staffService() {
        var standard = new OidcUserService();
        return request -> {
            OidcUser signedIn = standard.loadUser(request);
            return switch (staff.of(signedIn.getIdToken(), signedIn.getUserInfo())) {
                case OidcStaff.Outcome.Staff(var user) -> user;
                case OidcStaff.Outcome.Refused(var reason) -> {
                    log.warn("Sign-in refused: {}", reason);
                    throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null));
                }
            };
        };
    }
}
