package org.heard.desk.security;

import java.util.Set;

/** Logged-in staff for tests that call the desk's services without a login. */
public final class TestStaff {

    private TestStaff() {}

    public static StaffUser admin(String username) {
        return new StaffUser(username, "{noop}unused", username, "Admin", Set.of(StaffRole.ADMIN), Set.of());
    }

    public static StaffUser manager(String username, String... services) {
        return new StaffUser(
                username, "{noop}unused", username, "Manager", Set.of(StaffRole.MANAGER), Set.of(services));
    }

    public static StaffUser with(String username, Set<StaffRole> roles) {
        return new StaffUser(username, "{noop}unused", username, "Staff", roles, Set.of());
    }

    public static StaffUser responder(String username) {
        return new StaffUser(username, "{noop}unused", username, "Responder", Set.of(StaffRole.RESPONDER), Set.of());
    }
}
