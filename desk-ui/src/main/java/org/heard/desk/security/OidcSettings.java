package org.heard.desk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in through an OpenID Connect provider (Microsoft Entra ID, which NHS organisations use),
 * instead of or beside the configured users. Off unless {@code issuer-uri} is set. Who may do what
 * comes from the id token: the values of its roles claim (Entra app roles) and groups claim (Entra
 * group object ids) are mapped to desk roles and to the services a manager answers for. Someone
 * with no mapped role is refused.
 *
 * @param issuerUri e.g. {@code https://login.microsoftonline.com/<tenant-id>/v2.0}
 * @param name what the login page calls the provider: "Sign in with <name>"
 * @param clientSecret from the environment or a secret store; or {@code client-secret-file}
 * @param usernameClaim the claim that is the person's username on the desk (assignment, history)
 * @param titleClaim the claim holding a job title for the reply signature; none by default
 * @param roles claim value → desk role, e.g. {@code [Heard.Responder]: RESPONDER}
 * @param services claim value → catalogue services, e.g. a ward managers' group → {@code ward-7}
 */
@ConfigurationProperties("heard.security.oidc")
public record OidcSettings(
        URI issuerUri,
        @DefaultValue("your organisation's account") String name,
        String clientId,
        String clientSecret,
        Path clientSecretFile,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("name") String nameClaim,
        String titleClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("groups") String groupsClaim,
        Map<String, StaffRole> roles,
        Map<String, Set<String>> services) {

    public OidcSettings {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        services = services == null ? Map.of() : Map.copyOf(services);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid") : List.copyOf(scopes);
        if (issuerUri != null) {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("heard.security.oidc: client-id is required with issuer-uri");
            }
            if ((clientSecret == null || clientSecret.isBlank()) && clientSecretFile == null) {
                throw new IllegalArgumentException(
                        "heard.security.oidc: client-secret (from the environment) or client-secret-file is required");
            }
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException("heard.security.oidc: scopes must include openid");
            }
            if (roles.isEmpty()) {
                throw new IllegalArgumentException(
                        "heard.security.oidc: map at least one claim value to a role in roles, or nobody can sign in");
            }
        }
    }

    boolean enabled() {
        return issuerUri != null;
    }

    /** The secret, read when needed and never logged. */
    String secret() {
        if (clientSecret != null && !clientSecret.isBlank()) {
            return clientSecret;
        }
        try {
            return Files.readString(clientSecretFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read heard.security.oidc.client-secret-file", e);
        }
    }

    @Override
    public String toString() {
        return "OidcSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret=(hidden)]";
    }
}
