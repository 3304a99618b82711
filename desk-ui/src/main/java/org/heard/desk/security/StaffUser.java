package org.heard.desk.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in member of staff: who they are, what they may do, which services are theirs. */
public class StaffUser extends User {

    private final String displayName;
    private final String title;
    private final Set<StaffRole> roles;
    private final Set<String> services;

    StaffUser(
            String username,
            String passwordHash,
            String displayName,
            String title,
            Set<StaffRole> roles,
            Set<String> services) {
        super(
                username,
                passwordHash,
                roles.stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority()))
                        .collect(Collectors.toSet()));
        this.displayName = displayName;
        this.title = title;
        this.roles = Set.copyOf(roles);
        this.services = Set.copyOf(services);
    }

    public String displayName() {
        return displayName;
    }

    public String title() {
        return title;
    }

    public Set<StaffRole> roles() {
        return roles;
    }

    public Set<String> services() {
        return services;
    }

    /** Staff read the internal notes on a conversation; an integration only when configured to. */
    public boolean seesInternalNotes() {
        return true;
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
