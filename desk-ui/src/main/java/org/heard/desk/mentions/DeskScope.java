package org.heard.desk.mentions;

import java.util.Set;
import org.heard.contracts.ServiceTag;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;

/**
 * Which mentions one member of staff may see and answer.
 *
 * @param services null when every service is in scope; otherwise the services (with those below them)
 */
public record DeskScope(Set<String> services) {

    public DeskScope {
        services = services == null ? null : Set.copyOf(services);
    }

    static DeskScope of(StaffUser user, ServiceTree tree) {
        if (user.has(StaffRole.RESPONDER) || user.has(StaffRole.ADMIN)) {
            return new DeskScope(null);
        }
        // A manager, or anyone with no recognised role: only their own services (none when unset).
        return new DeskScope(tree.withDescendants(user.services()));
    }

    public boolean everything() {
        return services == null;
    }

    public boolean covers(MentionDocument mention) {
        if (services == null) {
            return true;
        }
        return mention.services() != null
                && mention.services().stream().map(ServiceTag::serviceId).anyMatch(services::contains);
    }
}
