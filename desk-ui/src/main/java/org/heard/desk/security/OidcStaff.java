package org.heard.desk.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;

/**
 * Who someone signed in through the provider is on the desk: roles and services from the values of
 * the token's roles and groups claims, through the configured mapping. The token has already been
 * checked (signature, issuer, audience, expiry, nonce) by Spring Security.
 */
final class OidcStaff {

    /** What the claims of one sign-in come to. */
    sealed interface Outcome {
        record Staff(OidcStaffUser user) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    private final OidcSettings settings;

    OidcStaff(OidcSettings settings) {
        this.settings = settings;
    }

    Outcome of(OidcIdToken idToken, OidcUserInfo userInfo) {
        Map<String, Object> claims = idToken.getClaims();
        String username = text(claims.get(settings.usernameClaim()));
        if (username == null) {
            username = idToken.getSubject();
        }
        if (username == null || username.isBlank()) {
            return new Outcome.Refused("The id token names nobody (no " + settings.usernameClaim() + " or sub claim)");
        }
        var values = new LinkedHashSet<String>();
        values.addAll(values(claims.get(settings.rolesClaim())));
        values.addAll(values(claims.get(settings.groupsClaim())));
        var roles = EnumSet.noneOf(StaffRole.class);
        var services = new LinkedHashSet<String>();
        for (String value : values) {
            var role = settings.roles().get(value);
            if (role != null) {
                roles.add(role);
            }
            services.addAll(settings.services().getOrDefault(value, Set.of()));
        }
        if (roles.isEmpty()) {
            // Anyone in the tenant can reach the provider: only a mapped role makes them staff of the desk.
            return new Outcome.Refused(username + " has no role on the desk");
        }
        String displayName = text(claims.get(settings.nameClaim()));
        String title = settings.titleClaim() == null ? null : text(claims.get(settings.titleClaim()));
        return new Outcome.Staff(new OidcStaffUser(
                username, displayName == null ? username : displayName, title, roles, services, idToken, userInfo));
    }

    private static String text(Object claim) {
        return claim instanceof String value && !value.isBlank() ? value.strip() : null;
    }

    private static Set<String> values(Object claim) {
        if (claim instanceof String value) {
            return Set.of(value);
        }
        if (claim instanceof Collection<?> many) {
            var values = new LinkedHashSet<String>();
            many.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(values::add);
            return values;
        }
        return Set.of();
    }
}
