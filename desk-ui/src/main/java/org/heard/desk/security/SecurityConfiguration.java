package org.heard.desk.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.nio.file.Path;
import java.time.Clock;
import org.heard.desk.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every page and API needs a login. The JSON API takes an integration's token or HTTP Basic, the
 * actuator HTTP Basic (both stateless);
 * the desk uses Vaadin's form login. Health status (no details) is open for load balancers and
 * Kubernetes probes; everything else about the running system needs an admin.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties({StaffSettings.class, ApiClientSettings.class, OidcSettings.class, LoginSettings.class})
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    StaffDirectory staffDirectory(
            StaffSettings settings,
            OidcSettings oidc,
            @Value("${heard.data-dir:data}") Path dataDir,
            PasswordEncoder encoder) {
        // Signing in through a provider replaces the generated admin: no password nobody asked for.
        return new StaffDirectory(settings, dataDir, encoder, !oidc.enabled());
    }

    @Bean
    Lockouts lockouts(LoginSettings settings, ObjectProvider<AuditTrail> audit, Clock clock) {
        return new Lockouts(new LoginThrottle(settings, clock), audit, clock);
    }

    /** Staff's passwords (the login form, HTTP Basic), unless too many failed attempts locked the username or address. */
    @Bean
    AuthenticationProvider throttledLogins(StaffDirectory staff, PasswordEncoder encoder, Lockouts lockouts) {
        var passwords = new DaoAuthenticationProvider(staff);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledLogins(passwords, lockouts);
    }

    @Bean
    StaffRoster staffRoster(StaffDirectory directory, StaffSettings settings) {
        return new StaffRoster(directory, settings);
    }

    @Bean
    ApiClients apiClients(ApiClientSettings settings, StaffDirectory staff) {
        return new ApiClients(settings, staff::knows);
    }

    /** The API: an integration's token ({@code Authorization: Bearer}) or a member of staff's HTTP Basic. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiClients clients,
            Lockouts lockouts,
            ObjectProvider<SecurityContextHolderStrategy> contexts)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Patients' words as labelled data: admins only (an integration never is one).
                        .requestMatchers("/api/corrections", "/api/corrections/**")
                        .hasRole(StaffRole.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(
                        new ApiTokenFilter(
                                clients,
                                lockouts,
                                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)),
                        BasicAuthenticationFilter.class);
        return asMachineClient(http, StatusOnlyResponses.unauthorizedApi());
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .hasRole(StaffRole.ADMIN.name()));
        return asMachineClient(http, StatusOnlyResponses.unauthorized());
    }

    @Bean
    @Order(3)
    SecurityFilterChain deskSecurity(HttpSecurity http, ObjectProvider<SingleSignOn> singleSignOn) throws Exception {
        var provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            provider.configure(http);
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
                    vaadin.loginView(LoginView.class);
                    if (provider != null) {
                        vaadin.logoutSuccessHandler(provider.logoutSuccessHandler());
                    }
                })
                .build();
    }

    /** Integrations and probes: HTTP Basic, no session, no CSRF token, plain 401/403 statuses. */
    private static SecurityFilterChain asMachineClient(HttpSecurity http, AuthenticationEntryPoint unauthorized)
            throws Exception {
        return http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(StatusOnlyResponses.forbidden()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
