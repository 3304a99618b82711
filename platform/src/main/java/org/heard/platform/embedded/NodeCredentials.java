package org.heard.platform.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The one account the application signs in to its own embedded node or broker with. Generated on first start and
 * kept owner-only next to the data it protects, so a restart reuses it and other local users
 * cannot read it. {@code toString} never shows the password.
 */
record NodeCredentials(String username, String password) {

    static final String USERNAME = "heard";
    static final String FILE_NAME = "credentials";

    static NodeCredentials loadOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String username = properties.getProperty("username", "");
            String password = properties.getProperty("password", "");
            if (username.isBlank() || password.length() < 16) {
                throw new IOException(file + " is not a credentials file Heard wrote; delete it to have a new "
                        + "password generated (the node's data is kept)");
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new NodeCredentials(username, password);
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        NodeCredentials created = new NodeCredentials(
                USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        Path writing = Files.createTempFile(
                dataDirectory,
                ".credentials-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out =
                Files.newBufferedWriter(writing, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write("# The account Heard signs in to its own embedded " + dataDirectory.getFileName()
                    + " with. Owner-only; keep it so.\n");
            out.write("username=" + created.username() + "\n");
            out.write("password=" + created.password() + "\n");
        }
        Files.move(writing, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return created;
    }

    @Override
    public String toString() {
        return "NodeCredentials[username=" + username + ", password=<hidden>]";
    }
}
