package org.heard.desk.security;

import java.util.Set;

/** Logged-in staff for tests that call the desk's services without a login. */
public final class TestStaff {

    private TestStaff() {}

    public static StaffUser admin(String username) {
        return new StaffUser(username, "{noop}unused", username, "Admin", Set.of(StaffRole.ADMIN), Set.of());
    }

    public static StaffUser responder(String username) {
        return new StaffUser(username, "{noop}unused", username, "Responder", Set.of(StaffRole.RESPONDER), Set.of());
    }
}
