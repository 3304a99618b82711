package org.heard.desk.security;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Who may log in, for an admin to read: names, roles and services, never a password hash. */
public final class StaffRoster {

    /**
     * One member of staff.
     *
     * @param services the services configured for them (a manager's scope, before the catalogue tree)
     * @param generated the initial admin Heard made because no users are configured
     */
    public record Member(
            String username,
            String displayName,
            String title,
            Set<StaffRole> roles,
            Set<String> services,
            boolean generated) {}

    private final List<Member> members;

    StaffRoster(StaffDirectory directory, StaffSettings settings) {
        boolean generated = settings.users().isEmpty();
        this.members = directory.everyone().stream()
                .map(user -> new Member(
                        user.getUsername(), user.displayName(), user.title(), user.roles(), user.services(), generated))
                .sorted(Comparator.comparing(Member::username))
                .toList();
    }

    public List<Member> members() {
        return members;
    }
}
