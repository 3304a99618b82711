package org.heard.ingest.email;

import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.time.Duration;
import java.util.Properties;

/** Jakarta Mail sessions for a mailbox's IMAP and SMTP servers, with its protection and timeouts. */
public final class MailSessions {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private MailSessions() {}

    static Store connectImap(EmailSettings.Mailbox mailbox) throws MessagingException {
        Store store = imapSession(mailbox).getStore(imapUrl(mailbox));
        store.connect();
        return store;
    }

    /**
     * The mailbox's IMAP session. The password is handed over by an authenticator when a connection
     * asks for it, so it is in no URL or property that could be printed.
     */
    static Session imapSession(EmailSettings.Mailbox mailbox) {
        String protocol = imapProtocol(mailbox);
        var properties = common(protocol, mailbox.imap());
        // PEEK: reading a message must not mark it \Seen for the staff who also use the mailbox in their mail client.
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".partialfetch", "false");
        properties.setProperty("mail." + protocol + ".user", mailbox.username());
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(mailbox.username(), mailbox.secret());
            }
        });
    }

    /** The mailbox's folder on its IMAP server, without the password. */
    static URLName imapUrl(EmailSettings.Mailbox mailbox) {
        var server = mailbox.imap();
        return new URLName(
                imapProtocol(mailbox), server.host(), server.port(), mailbox.folder(), mailbox.username(), null);
    }

    private static String imapProtocol(EmailSettings.Mailbox mailbox) {
        return mailbox.imap().security() == EmailSettings.Security.SSL ? "imaps" : "imap";
    }

    static Session smtpSession(EmailSettings.Mailbox mailbox) {
        var properties = smtpProperties(mailbox.smtp(), true);
        properties.setProperty(
                "mail." + properties.getProperty("mail.transport.protocol") + ".from", mailbox.address());
        return Session.getInstance(properties);
    }

    /**
     * A session for sending through an SMTP server with the channel's protection and timeouts; used
     * by others that send mail (the desk's alerts) so they are protected the same way.
     */
    public static Session smtpSession(EmailSettings.Server server, boolean auth) {
        return Session.getInstance(smtpProperties(server, auth));
    }

    private static Properties smtpProperties(EmailSettings.Server server, boolean auth) {
        String protocol = server.security() == EmailSettings.Security.SSL ? "smtps" : "smtp";
        var properties = common(protocol, server);
        properties.setProperty("mail." + protocol + ".auth", Boolean.toString(auth));
        properties.setProperty("mail.transport.protocol", protocol);
        return properties;
    }

    static Transport connectSmtp(Session session, EmailSettings.Mailbox mailbox) throws MessagingException {
        Transport transport = session.getTransport();
        transport.connect(mailbox.smtp().host(), mailbox.smtp().port(), mailbox.username(), mailbox.secret());
        return transport;
    }

    private static Properties common(String protocol, EmailSettings.Server server) {
        var properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "host", server.host());
        properties.setProperty(prefix + "port", Integer.toString(server.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(TIMEOUT.toMillis()));
        switch (server.security()) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SSL -> {
                properties.setProperty(prefix + "ssl.enable", "true");
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> {}
        }
        return properties;
    }
}
