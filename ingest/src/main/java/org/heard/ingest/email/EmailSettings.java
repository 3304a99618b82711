package org.heard.ingest.email;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.heard.platform.secrets.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The email channel's settings, {@code heard.channel.email}. Passwords come only from the
 * environment (a {@code ${HEARD_MAIL_PASSWORD}} placeholder) or a file ({@code password-file}); they
 * are never printed, not even by {@link Mailbox#toString()}.
 *
 * @param mailboxes the mailboxes the desk answers; none means the embedded demo server is used
 * @param ackTimeout how long to wait for Kafka to acknowledge one message before the batch stops
 * @param embedded the local demo mail server used when no mailbox is configured
 */
@ConfigurationProperties("heard.channel.email")
public record EmailSettings(
        @DefaultValue List<Mailbox> mailboxes,
        @DefaultValue("30s") Duration ackTimeout,
        @DefaultValue Embedded embedded) {

    public EmailSettings {
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        embedded = embedded == null ? new Embedded(true, null, 2525, 2143, null) : embedded;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        if (ackTimeout == null || ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("heard.channel.email.ack-timeout must be positive");
        }
        long distinct = mailboxes.stream()
                .map(Mailbox::address)
                .map(a -> a.toLowerCase(Locale.ROOT))
                .distinct()
                .count();
        if (distinct != mailboxes.size()) {
            throw new IllegalArgumentException("heard.channel.email.mailboxes: each address may be configured once");
        }
    }

    public Mailbox mailbox(String address) {
        return mailboxes.stream()
                .filter(m -> m.address().equalsIgnoreCase(address))
                .findFirst()
                .orElse(null);
    }

    /**
     * The embedded mail server (GreenMail) a desk without configured mailboxes runs, so a newcomer can
     * email it. Loopback only; port 0 picks a free port.
     */
    public record Embedded(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("2525") int smtpPort,
            @DefaultValue("2143") int imapPort,
            @DefaultValue("feedback@heard.localhost") String address) {
        public Embedded {
            host = host == null || host.isBlank() ? "127.0.0.1" : host;
            address = address == null || address.isBlank() ? "feedback@heard.localhost" : address;
            if (smtpPort < 0 || smtpPort > 65535 || imapPort < 0 || imapPort > 65535) {
                throw new IllegalArgumentException("heard.channel.email.embedded ports must be 0-65535");
            }
        }
    }

    /** How a mail server connection is protected. */
    public enum Security {
        NONE,
        STARTTLS,
        SSL
    }

    /** A server: host, port and protection. */
    public record Server(
            String host, int port, @DefaultValue("STARTTLS") Security security) {
        public Server {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("a mail server needs a host");
            }
            if (port <= 0 || port > 65535) {
                throw new IllegalArgumentException("mail server port out of range: " + port);
            }
            security = security == null ? Security.STARTTLS : security;
        }
    }

    /** What "processed" means on the server: a keyword flag on the message, or a move to a folder. */
    public record Processed(@DefaultValue("FLAG") Mode mode, String moveTo) {
        public Processed {
            mode = mode == null ? Mode.FLAG : mode;
            if (mode == Mode.MOVE && (moveTo == null || moveTo.isBlank())) {
                throw new IllegalArgumentException("processed.mode=move needs processed.move-to (a folder name)");
            }
        }

        public static Processed flag() {
            return new Processed(Mode.FLAG, null);
        }

        public enum Mode {
            FLAG,
            MOVE
        }
    }

    /**
     * Attachments are always recorded as metadata (name, type, size); their content is stored in
     * {@code directory} only when {@code store} is on and they are no bigger than {@code maxSize}.
     */
    public record Attachments(
            @DefaultValue("false") boolean store,
            @DefaultValue("10MB") DataSize maxSize,
            Path directory) {
        public Attachments {
            maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
            if (store && directory == null) {
                throw new IllegalArgumentException("attachments.store=true needs attachments.directory");
            }
        }

        public static Attachments metadataOnly() {
            return new Attachments(false, DataSize.ofMegabytes(10), null);
        }
    }

    /**
     * One mailbox the desk reads and answers from.
     *
     * @param address the mailbox's own address: replies are sent from it
     * @param displayName the name replies are sent under, e.g. "St Mary's Patient Experience"
     * @param folder the folder patients' mail arrives in
     * @param sentFolder where every reply is appended, so a reply with an unknown outcome can be checked
     * @param services catalogue service ids this mailbox usually concerns (a ward's address)
     * @param startDate mail received before this day is left alone; null takes in everything already there
     * @param maxMessageSize bigger messages are dead-lettered (headers kept) and left on the server
     * @param pollInterval how often to look when the server has no IDLE, and the longest an IDLE waits
     * @param idle use IMAP IDLE when the server offers it; off means poll every {@code pollInterval}
     * @param authenticationServers the authserv-ids of the servers whose Authentication-Results header
     *     is believed (e.g. {@code mx.trust.nhs.uk}); none means the topmost header, which the last
     *     server to receive the mail adds
     */
    public record Mailbox(
            String address,
            String displayName,
            Server imap,
            Server smtp,
            String username,
            String password,
            Path passwordFile,
            @DefaultValue("INBOX") String folder,
            @DefaultValue("Sent") String sentFolder,
            @DefaultValue Processed processed,
            @DefaultValue List<String> services,
            LocalDate startDate,
            @DefaultValue Attachments attachments,
            @DefaultValue("25MB") DataSize maxMessageSize,
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("true") boolean idle,
            @DefaultValue List<String> authenticationServers) {

        public Mailbox {
            if (address == null || !address.contains("@")) {
                throw new IllegalArgumentException("a mailbox needs an email address, got: " + address);
            }
            if (imap == null || smtp == null) {
                throw new IllegalArgumentException("mailbox " + address + " needs both imap and smtp servers");
            }
            Secret.givenOrFile(password, passwordFile, "heard.channel.email mailbox " + address + " password");
            username = username == null || username.isBlank() ? address : username;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            sentFolder = sentFolder == null || sentFolder.isBlank() ? "Sent" : sentFolder;
            processed = processed == null ? Processed.flag() : processed;
            services = services == null ? List.of() : List.copyOf(services);
            attachments = attachments == null ? Attachments.metadataOnly() : attachments;
            maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(25) : maxMessageSize;
            pollInterval = pollInterval == null ? Duration.ofSeconds(30) : pollInterval;
            authenticationServers = authenticationServers == null ? List.of() : List.copyOf(authenticationServers);
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("mailbox " + address + ": poll-interval must be positive");
            }
        }

        /** The password from the environment-fed property or the password file; read when needed, never kept in logs. */
        public String secret() {
            return Secret.givenOrFile(password, passwordFile, "heard.channel.email mailbox " + address + " password")
                    .map(Secret::read)
                    .orElse("");
        }

        /** The domain our own Message-IDs carry. */
        String domain() {
            return address.substring(address.indexOf('@') + 1);
        }

        /** Where dead letters say they came from. */
        String source() {
            return "email:" + address;
        }

        @Override
        public String toString() {
            return "Mailbox[" + address + " imap=" + imap + " smtp=" + smtp + " user=" + username + " folder=" + folder
                    + " password="
                    + (passwordFile != null ? "file" : password == null || password.isEmpty() ? "none" : "***")
                    + "]";
        }
    }
}
