package org.heard.ingest.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * The embedded default: a real SMTP + IMAP server (GreenMail) on loopback with one demo mailbox,
 * so the desk works out of the box and a newcomer can email it with any mail tool. Its password is
 * generated once and kept owner-only in the data directory.
 */
final class EmbeddedMailServer {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedMailServer.class);

    /** The authserv-id the embedded server would write, were it to check senders; it never does. */
    static final String AUTHENTICATION_SERVER = "embedded.heard.localhost";

    private final GreenMail greenMail;
    private final EmailSettings.Mailbox mailbox;

    EmbeddedMailServer(EmailSettings.Embedded settings, Path dataDir) {
        Path passwordFile = passwordFile(dataDir.resolve("email").resolve("embedded-mailbox.password"));
        greenMail = start(settings);
        mailbox = new EmailSettings.Mailbox(
                settings.address(),
                "Heard demo mailbox",
                new EmailSettings.Server(settings.host(), greenMail.getImap().getPort(), EmailSettings.Security.NONE),
                new EmailSettings.Server(settings.host(), greenMail.getSmtp().getPort(), EmailSettings.Security.NONE),
                settings.address(),
                null,
                passwordFile,
                "INBOX",
                "Sent",
                EmailSettings.Processed.flag(),
                List.of(),
                null,
                EmailSettings.Attachments.metadataOnly(),
                DataSize.ofMegabytes(25),
                // Polling, not IDLE: GreenMail's IDLE misses mail appended while it starts (docs/adr/0011).
                Duration.ofSeconds(2),
                false,
                // It checks no sender (no SPF, DKIM or DMARC) and writes no Authentication-Results: none is believed.
                List.of(AUTHENTICATION_SERVER));
        greenMail.setUser(settings.address(), settings.address(), mailbox.secret());
    }

    /**
     * On the configured ports; when one is taken (a second desk on this machine, a test context)
     * on free ones instead, said loudly, rather than a desk that does not start.
     */
    private static GreenMail start(EmailSettings.Embedded settings) {
        try {
            return started(settings.smtpPort(), settings.imapPort(), settings.host());
        } catch (RuntimeException e) {
            if (settings.smtpPort() == 0 && settings.imapPort() == 0) {
                throw e;
            }
            GreenMail fallback = started(0, 0, settings.host());
            log.warn("Embedded mail server: port {} or {} on {} is taken ({}); using SMTP {} and IMAP {} instead",
                    settings.smtpPort(), settings.imapPort(), settings.host(), e.getMessage(),
                    fallback.getSmtp().getPort(), fallback.getImap().getPort());
            return fallback;
        }
    }

    private static GreenMail started(int smtpPort, int imapPort, String host) {
        var server = new GreenMail(new ServerSetup[] {
            setup(smtpPort, host, ServerSetup.PROTOCOL_SMTP), setup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
        });
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
    }

    private static ServerSetup setup(int port, String host, String protocol) {
        var setup = new ServerSetup(port, host, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    private static Path passwordFile(Path file) {
        try {
            if (Files.exists(file)) {
                return file;
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the embedded mailbox password in " + file, e);
        }
    }

    EmailSettings.Mailbox mailbox() {
        return mailbox;
    }

    int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    void stop() {
        greenMail.stop();
    }
}
