package org.heard.desk.security;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The staff who may log in: the configured users, or the generated initial admin. */
class StaffDirectory implements UserDetailsService {

    /** Password hashes made to be slow to guess from; {noop} (plain text) and the old unsalted digests are refused. */
    static final java.util.Set<String> SLOW_HASHES = java.util.Set.of(
            "bcrypt", "argon2", "argon2@spring5.8", "scrypt", "scrypt@spring5.8", "pbkdf2", "pbkdf2@spring5.8");

    private final Map<String, StaffUser> users;

    /** @param initialAdmin whether to create the generated admin when no users are configured */
    StaffDirectory(StaffSettings settings, Path dataDir, PasswordEncoder encoder, boolean initialAdmin) {
        if (settings.users().isEmpty() && !initialAdmin) {
            this.users = Map.of();
        } else if (settings.users().isEmpty()) {
            var admin = new StaffUser(
                    InitialAdmin.USERNAME,
                    encoder.encode(InitialAdmin.password(dataDir, System.out)),
                    "Administrator",
                    "Desk administrator",
                    InitialAdmin.roles(),
                    java.util.Set.of());
            this.users = Map.of(admin.getUsername(), admin);
        } else {
            this.users = settings.users().stream()
                    .map(StaffDirectory::toUser)
                    .collect(Collectors.toUnmodifiableMap(StaffUser::getUsername, Function.identity()));
        }
    }

    private static StaffUser toUser(StaffSettings.StaffMember member) {
        if (member.username() == null || member.username().isBlank()) {
            throw new IllegalStateException("heard.security.users: every user needs a username");
        }
        String hash = ConfiguredHash.of(member.passwordHash(), member.passwordHashFile(), member.username());
        if (hash.isBlank() || !hash.startsWith("{")) {
            throw new IllegalStateException("heard.security.users: " + member.username()
                    + " needs password-hash (or password-hash-file) with an encoded hash such as {bcrypt}$2a$10$...");
        }
        String encoder = hash.substring(1, Math.max(1, hash.indexOf('}'))).toLowerCase(java.util.Locale.ROOT);
        if (!SLOW_HASHES.contains(encoder)) {
            throw new IllegalStateException(
                    "heard.security.users: " + member.username() + " has a {" + encoder + "} password hash, "
                            + (encoder.equals("noop")
                                    ? "which is the password itself in plain text"
                                    : "which is fast to guess from")
                            + ": give a {bcrypt}, {argon2}, {scrypt} or {pbkdf2} hash instead (deploy/compose/README.md shows one way"
                            + " to make a bcrypt hash)");
        }
        return new StaffUser(
                member.username(), hash, member.displayName(), member.title(), member.roles(), member.services());
    }

    /** Everyone who may log in (password hashes included: for {@link StaffRoster}, which drops them). */
    java.util.Collection<StaffUser> everyone() {
        return users.values();
    }

    /** Whether a member of staff has this username (an API client must not take one). */
    boolean knows(String username) {
        return users.containsKey(username);
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No such user");
        }
        // Spring Security erases credentials after login: hand out a copy.
        return new StaffUser(
                user.getUsername(),
                user.getPassword(),
                user.displayName(),
                user.title(),
                user.roles(),
                user.services());
    }
}
