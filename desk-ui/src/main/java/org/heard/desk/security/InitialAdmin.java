package org.heard.desk.security;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No default password: on the first start without configured users an {@code admin} account gets a
 * generated password, printed once on the console and kept in {@code <data-dir>/initial-admin-password}
 * readable by its owner only (as Jenkins does). Configuring users replaces it. The password is
 * written to the console directly, never through the logging system, whose output is shipped to log
 * stores and read by more people than the one starting the desk.
 */
final class InitialAdmin {

    static final String USERNAME = "admin";
    static final String FILE_NAME = "initial-admin-password";

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private InitialAdmin() {}

    /** The admin password: read from the file, or generated, written there and shown on {@code console} on the first start. */
    static String password(Path dataDir, PrintStream console) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                log.info("Log in as '{}' with the password in {}", USERNAME, file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            String password = generate();
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            console.println("""

                    *************************************************************
                    No users are configured, so Heard created the user '%s'.
                    Its password (shown only this once) is:

                        %s

                    It is also in %s (readable by you only).
                    Configure heard.security.users to replace this account.
                    *************************************************************
                    """.formatted(USERNAME, password, file.toAbsolutePath()));
            console.flush();
            log.warn(
                    "No users are configured: created the user '{}'; its password is shown on the console once and kept in {}",
                    USERNAME,
                    file.toAbsolutePath());
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the initial admin password in " + file, e);
        }
    }

    private static String generate() {
        var random = new SecureRandom();
        var password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static Set<StaffRole> roles() {
        return Set.of(StaffRole.ADMIN, StaffRole.RESPONDER);
    }
}
