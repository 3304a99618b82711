package org.heard.desk.mentions;

import java.util.Set;
import org.heard.desk.security.StaffRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heard.desk.identity-shield}: who reads mentions without learning who wrote them.
 *
 * @param enabled off: everyone sees every author (the trust's choice, recorded in its configuration)
 * @param roles staff who hold none but these roles see what was said, not who said it: the author's
 *     name, handle and address and the personal data found in the text are masked
 * @param revealRoles who may reveal a conversation's author to those people, for a stated reason
 */
@ConfigurationProperties("heard.desk.identity-shield")
public record IdentityShieldSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("MANAGER") Set<StaffRole> roles,
        @DefaultValue("RESPONDER") Set<StaffRole> revealRoles) {

    public IdentityShieldSettings {
        roles = roles == null ? Set.of(StaffRole.MANAGER) : Set.copyOf(roles);
        revealRoles = revealRoles == null ? Set.of(StaffRole.RESPONDER) : Set.copyOf(revealRoles);
    }

    /** On, for managers; the communications team reveals. */
    public static IdentityShieldSettings defaults() {
        return new IdentityShieldSettings(true, null, null);
    }
}
