package org.heard.desk.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A login refused without looking at the password: too many failed attempts for the username or the address. */
public class LoginLockedOut extends LockedException {

    private final Instant until;

    LoginLockedOut(String message, Instant until) {
        super(message);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
