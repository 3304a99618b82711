package org.heard.ingest.email;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.springframework.util.unit.DataSize;

/**
 * The embedded default: a real SMTP + IMAP server (GreenMail) on loopback with one demo mailbox,
 * so the desk works out of the box and a newcomer can email it with any mail tool. Its password is
 * generated once and kept owner-only in the data directory.
 *
 * <p>GreenMail keeps mail in memory. So that "nothing lost" holds here too, every message is on
 * disk ({@link MailSpool}, under {@code <data-dir>/email/spool}) before the server says 250, goes
 * back into the mailbox at the next start if the intake had not taken it in, and is let go once
 * it has. Mail for any other address is refused (550), not accepted into a mailbox nobody reads,
 * unless the desk itself sends it, signed in as the mailbox (its replies, kept locally).
 *
 * <p>It tells the intake the moment mail is in the mailbox ({@link MailArrivals}), so the demo
 * mailbox is looked at then rather than at its next poll.
 */
final class EmbeddedMailServer implements MailArrivals {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EmbeddedMailServer.class);

    /** The authserv-id the embedded server would write, were it to check senders; it never does. */
    static final String AUTHENTICATION_SERVER = "embedded.heard.localhost";

    private final SpoolingGreenMail greenMail;
    private final EmailSettings.Mailbox mailbox;
    private final MailSpool spool;
    private final Set<Runnable> arrivalListeners = new CopyOnWriteArraySet<>();

    EmbeddedMailServer(EmailSettings.Embedded settings, Path dataDir) {
        Path passwordFile = passwordFile(dataDir.resolve("email").resolve("embedded-mailbox.password"));
        spool = new MailSpool(dataDir.resolve("email").resolve("spool"));
        // What was accepted before a crash, read before the server takes new mail (which is spooled on its own).
        var waiting = spool.waiting();
        greenMail = start(settings, spool);
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
        var user = greenMail.setUser(settings.address(), settings.address(), mailbox.secret());
        tellOfArrivals(user);
        redeliver(waiting);
    }

    @Override
    public Runnable whenArrived(Runnable listener) {
        arrivalListeners.add(listener);
        return () -> arrivalListeners.remove(listener);
    }

    /** GreenMail tells a folder's listeners once a message is in it (searchable), on the thread that put it there. */
    private void tellOfArrivals(GreenMailUser user) {
        try {
            greenMail.getManagers().getImapHostManager().getInbox(user).addListener(new FolderListener() {
                @Override
                public void added(int messageNumber) {
                    arrivalListeners.forEach(Runnable::run);
                }

                @Override
                public void expunged(int messageNumber) {}

                @Override
                public void flagsUpdated(int messageNumber, Flags flags, Long uid) {}

                @Override
                public void mailboxDeleted() {}
            });
        } catch (FolderException e) {
            throw new IllegalStateException("the embedded mail server has no inbox for " + user.getEmail(), e);
        }
    }

    private void redeliver(java.util.List<MailSpool.Kept> waiting) {
        for (var kept : waiting) {
            try {
                greenMail.deliver(kept);
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                // Kept on disk: the next start tries again, and the admin sees why.
                log.error(
                        "Embedded mail server: could not put spooled message {} back into {}: {}",
                        kept.id(),
                        mailbox.address(),
                        e.toString());
            }
        }
        if (!waiting.isEmpty()) {
            log.info(
                    "Embedded mail server: {} message(s) accepted before the last stop were not yet taken in; back in {}",
                    waiting.size(),
                    mailbox.address());
        }
    }

    /**
     * On the configured ports; when one is taken (a second desk on this machine, a test context)
     * on free ones instead, said loudly, rather than a desk that does not start.
     */
    private static SpoolingGreenMail start(EmailSettings.Embedded settings, MailSpool spool) {
        try {
            return started(settings.smtpPort(), settings.imapPort(), settings, spool);
        } catch (RuntimeException e) {
            if (settings.smtpPort() == 0 && settings.imapPort() == 0) {
                throw e;
            }
            SpoolingGreenMail fallback = started(0, 0, settings, spool);
            log.warn(
                    "Embedded mail server: port {} or {} on {} is taken ({}); using SMTP {} and IMAP {} instead",
                    settings.smtpPort(),
                    settings.imapPort(),
                    settings.host(),
                    e.getMessage(),
                    fallback.getSmtp().getPort(),
                    fallback.getImap().getPort());
            return fallback;
        }
    }

    private static SpoolingGreenMail started(
            int smtpPort, int imapPort, EmailSettings.Embedded settings, MailSpool spool) {
        String host = settings.host();
        var server = new SpoolingGreenMail(
                new ServerSetup[] {
                    setup(smtpPort, host, ServerSetup.PROTOCOL_SMTP), setup(imapPort, host, ServerSetup.PROTOCOL_IMAP)
                },
                spool,
                settings.address());
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
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
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

    /** Mail accepted and kept on disk until the intake took it in. */
    MailSpool spool() {
        return spool;
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
