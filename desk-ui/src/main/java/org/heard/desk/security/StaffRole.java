package org.heard.desk.security;

/** What a member of staff may do on the desk. */
public enum StaffRole {
    /** Communications team: the whole inbox, replies on every channel. */
    RESPONDER,
    /** Ward or service manager: their own services (and those below them) only. */
    MANAGER,
    /** Users, channel settings, dead letters. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
