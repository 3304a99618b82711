package org.heard.desk.security;

import java.time.Clock;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.audit.AuditUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/** The throttle as every way in uses it: refuse while locked (and audit it), count failures, clear on success. */
final class Lockouts {

    private static final Logger log = LoggerFactory.getLogger(Lockouts.class);

    private final LoginThrottle throttle;
    private final ObjectProvider<AuditTrail> audit;
    private final Clock clock;

    Lockouts(LoginThrottle throttle, ObjectProvider<AuditTrail> audit, Clock clock) {
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param via how the login came: {@code form}, {@code basic} or {@code token}
     * @throws LoginLockedOut while the username or the address is locked
     */
    void refuseIfLocked(String username, String address, String via) {
        var lock = throttle.locked(username, address);
        if (lock.isEmpty()) {
            return;
        }
        if (lock.get().audit()) {
            String who = username == null || username.isBlank() ? "unknown" : username;
            log.warn(
                    "Login refused while locked: {} from {} by {} ({} refused since the last such entry)",
                    who,
                    address,
                    via,
                    lock.get().refusedSinceAudit());
            audit.ifAvailable(trail -> {
                try {
                    trail.record(
                            who,
                            AuditAction.LOGIN_LOCKED_OUT,
                            null,
                            null,
                            "address=" + address + "; via=" + via + "; lockedUntil="
                                    + lock.get().until() + "; refused="
                                    + lock.get().refusedSinceAudit());
                } catch (AuditUnavailable e) {
                    // Refused all the same; the trail's health says it is failing.
                }
            });
        }
        throw new LoginLockedOut(lock.get().message(clock), lock.get().until());
    }

    void failed(String username, String address) {
        throttle.failed(username, address);
    }

    void succeeded(String username) {
        throttle.succeeded(username);
    }
}
