package org.heard.desk.security;

import java.util.Set;

/**
 * An integration calling the JSON API with its token. It acts like a member of staff with its
 * configured role and services, so every scope check of the desk applies to it unchanged.
 */
public final class ApiClient extends StaffUser {

    private final boolean internalNotes;

    ApiClient(
            String name,
            String displayName,
            String title,
            StaffRole role,
            Set<String> services,
            boolean internalNotes) {
        // No password: a client authenticates with its token only, never with HTTP Basic or the login form.
        super(name, "", displayName, title, Set.of(role), services);
        this.internalNotes = internalNotes;
    }

    @Override
    public boolean seesInternalNotes() {
        return internalNotes;
    }
}
