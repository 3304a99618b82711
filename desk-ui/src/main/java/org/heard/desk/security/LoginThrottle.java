package org.heard.desk.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per address and locks either for a while once it has too
 * many, so a password cannot be guessed by trying, from one place or against one person. A lock ends
 * by itself; a successful login clears the username's count. Memory is bounded: expired entries are
 * swept, and past {@value #MAX_TRACKED} keys the oldest are forgotten.
 */
final class LoginThrottle {

    static final int MAX_TRACKED = 100_000;
    /** Refused attempts under one lock are audited at most this often (an attacker may keep trying). */
    static final Duration AUDIT_EVERY = Duration.ofMinutes(1);

    /** A refusal: until when, and whether this one is to be audited (with how many were refused since the last). */
    record Lock(Instant until, boolean audit, int refusedSinceAudit) {

        String message(Clock clock) {
            long minutes = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
            return "Too many failed logins for this username or from this address: it is locked. Try again in "
                    + minutes + (minutes == 1 ? " minute." : " minutes.");
        }
    }

    private static final class Failures {
        int count;
        Instant first;
        Instant lockedUntil;
        Instant audited;
        int refusedSinceAudit;
    }

    private final LoginSettings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(LoginSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The lock on this username or address, if either is locked now. */
    Optional<Lock> locked(String username, String address) {
        var byUser = lockOf(userKey(username));
        return byUser.isPresent() ? byUser : lockOf(addressKey(address));
    }

    /** A failed login (or an unknown token: {@code username} null). */
    void failed(String username, String address) {
        sweepIfFull();
        if (username != null) {
            count(userKey(username), settings.maxFailures());
        }
        count(addressKey(address), settings.maxFailuresPerAddress());
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private Optional<Lock> lockOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        var entry = failures.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
                return Optional.empty();
            }
            entry.refusedSinceAudit++;
            boolean audit = entry.audited == null || !now.isBefore(entry.audited.plus(AUDIT_EVERY));
            int refused = entry.refusedSinceAudit;
            if (audit) {
                entry.audited = now;
                entry.refusedSinceAudit = 0;
            }
            return Optional.of(new Lock(entry.lockedUntil, audit, refused));
        }
    }

    private void count(String key, int max) {
        if (key == null) {
            return;
        }
        var entry = failures.computeIfAbsent(key, ignored -> new Failures());
        synchronized (entry) {
            Instant now = clock.instant();
            boolean expired = entry.first == null
                    || !now.isBefore(entry.first.plus(settings.lockout()))
                    || entry.lockedUntil != null && !now.isBefore(entry.lockedUntil);
            if (expired) {
                entry.count = 0;
                entry.first = now;
                entry.lockedUntil = null;
                entry.audited = null;
                entry.refusedSinceAudit = 0;
            }
            entry.count++;
            if (entry.count >= max && entry.lockedUntil == null) {
                entry.lockedUntil = now.plus(settings.lockout());
            }
        }
    }

    private void sweepIfFull() {
        if (failures.size() < MAX_TRACKED) {
            return;
        }
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> {
            var entry = e.getValue();
            synchronized (entry) {
                return (entry.lockedUntil == null || !now.isBefore(entry.lockedUntil))
                        && (entry.first == null || !now.isBefore(entry.first.plus(settings.lockout())));
            }
        });
        if (failures.size() >= MAX_TRACKED) {
            // Every one still counts: forget unlocked counts first, so locks hold.
            failures.entrySet().removeIf(e -> e.getValue().lockedUntil == null);
        }
    }

    private static String userKey(String username) {
        return username == null || username.isBlank()
                ? null
                : "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }
}
