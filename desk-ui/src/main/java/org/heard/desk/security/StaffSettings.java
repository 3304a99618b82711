package org.heard.desk.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who may log in, from configuration. Passwords are stored as hashes
 * ({@code {bcrypt}$2a$...}), given directly or in a file; never in plain text. With no users
 * configured, Heard creates an {@code admin} with a generated password on first start.
 */
@ConfigurationProperties("heard.security")
public record StaffSettings(List<StaffMember> users) {

    public StaffSettings {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * @param passwordHash a Spring Security encoded hash, e.g. {@code {bcrypt}$2a$10$...}
     * @param passwordHashFile a file holding such a hash (for Kubernetes secrets)
     * @param title the job title shown under the person's name in a reply
     * @param services the catalogue services a manager is responsible for
     */
    public record StaffMember(
            String username,
            String passwordHash,
            Path passwordHashFile,
            String displayName,
            String title,
            Set<StaffRole> roles,
            Set<String> services) {

        public StaffMember {
            roles = roles == null || roles.isEmpty() ? Set.of(StaffRole.RESPONDER) : Set.copyOf(roles);
            services = services == null ? Set.of() : Set.copyOf(services);
            displayName = displayName == null || displayName.isBlank() ? username : displayName;
        }
    }
}
