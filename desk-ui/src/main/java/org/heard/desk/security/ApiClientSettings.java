package org.heard.desk.security;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The integrations allowed to call the JSON API, each with a token of its own. Only a token's
 * SHA-256 hash is configured (given directly or in a file); the token itself is handed to the
 * integration once, when generated ({@code java -jar heard.jar api-token <name>}), and never stored.
 */
@ConfigurationProperties("heard.api")
public record ApiClientSettings(List<Client> clients) {

    public ApiClientSettings {
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /**
     * @param name who is calling, e.g. {@code incident-system}; recorded as the actor of what it does
     * @param tokenHash the SHA-256 of the token, 64 hex digits
     * @param tokenHashFile a file holding that hash (for Kubernetes secrets)
     * @param displayName the name replies sent through this client are signed with
     * @param title the role replies are signed with, e.g. {@code Patient Experience Team}
     * @param role {@code RESPONDER} (every service) or {@code MANAGER} (its services only); never admin
     * @param services a manager client's catalogue services (with those below them)
     * @param internalNotes whether the client may read staff's internal notes on a conversation
     */
    public record Client(
            String name,
            String tokenHash,
            Path tokenHashFile,
            String displayName,
            String title,
            StaffRole role,
            Set<String> services,
            boolean internalNotes) {

        public Client {
            role = role == null ? StaffRole.MANAGER : role;
            services = services == null ? Set.of() : Set.copyOf(services);
            displayName = displayName == null || displayName.isBlank() ? name : displayName;
        }
    }
}
