package org.heard.ingest.email;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.auth.LoginAuthenticationState;
import com.icegreen.greenmail.smtp.auth.PlainAuthenticationState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * GreenMail whose SMTP server keeps its word: it takes mail only for the one mailbox the desk
 * watches (anything else is refused at RCPT with 550, not accepted into a mailbox nobody reads), and
 * it answers "250 OK" to a message only after the {@link MailSpool} has it on disk. A spool that
 * cannot write makes the answer 451, so the sender keeps the message and tries again.
 *
 * <p>The one exception is the desk's own replies: signed in as the mailbox (its address and
 * password), the email channel may send to any address. They are kept in local mailboxes (this
 * server delivers nothing beyond this machine) and are not intake, so they skip the spool.
 */
final class SpoolingGreenMail extends GreenMail {

    /**
     * GreenMail parses a message's structure to store it, and refuses one whose top-level Content-Type
     * it cannot read, which a real mail server stores. Such a message is stored as text/plain, with
     * what the sender wrote kept in this header, so the intake still takes its words in (flagged).
     */
    static final String ORIGINAL_CONTENT_TYPE = "X-Heard-Original-Content-Type";

    private final MailSpool spool;
    private final String address;

    SpoolingGreenMail(ServerSetup[] setups, MailSpool spool, String address) {
        super(setups);
        this.spool = spool;
        this.address = address;
    }

    /** GreenMail creates its services again at each start; by then the spool is known. */
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        if (spool == null) {
            return services; // called from GreenMail's own constructor, before ours ran
        }
        var smtp = new Spooling(managers, spool, address);
        for (ServerSetup setup : config) {
            if (setup.getProtocol().startsWith(ServerSetup.PROTOCOL_SMTP)) {
                services.put(setup.getProtocol(), new SmtpServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        return new SmtpHandler(new SmtpCommandRegistry(), smtp, socket);
                    }
                });
            }
        }
        return services;
    }

    /** Puts a spooled message into the mailbox, as if it had just arrived. */
    void deliver(MailSpool.Kept kept) throws MessagingException {
        var user = getManagers().getUserManager().getUserByEmail(address);
        try {
            user.deliver(spooled(kept.raw(), kept.id(), false));
        } catch (RuntimeException cannotStore) {
            user.deliver(spooled(kept.raw(), kept.id(), true));
        }
    }

    /** The message as spooled, with its spool id; {@code asText}: stored as text/plain, see {@link #ORIGINAL_CONTENT_TYPE}. */
    private static MimeMessage spooled(byte[] raw, String id, boolean asText) throws MessagingException {
        var message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        message.setHeader(MailSpool.HEADER, id);
        if (asText) {
            String original = message.getHeader("Content-Type", " ");
            message.setHeader(ORIGINAL_CONTENT_TYPE, original == null ? "" : original.replaceAll("[\\r\\n]+", " "));
            message.setHeader("Content-Type", "text/plain; charset=UTF-8");
        }
        return message;
    }

    private static final class Spooling extends SmtpManager {

        private final MailSpool spool;
        private final String address;

        Spooling(Managers managers, MailSpool spool, String address) {
            super(managers.getImapHostManager(), managers.getUserManager());
            this.spool = spool;
            this.address = address;
        }

        @Override
        public String checkRecipient(SmtpState state, MailAddress recipient) {
            if (!address.equalsIgnoreCase(recipient.getEmail()) && !signedInAsTheMailbox(state)) {
                return "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here; this server takes mail for "
                        + address + " only";
            }
            return super.checkRecipient(state, recipient);
        }

        /**
         * Whether this message comes from the desk itself: its session signed in with the mailbox's
         * own login and password. GreenMail keeps the claimed login even when it answered 535, so the
         * password is checked again here.
         */
        private boolean signedInAsTheMailbox(SmtpState state) {
            String login;
            String password;
            if (state.getMessage().getAuthenticationState() instanceof PlainAuthenticationState plain) {
                login = plain.getUsername();
                password = plain.getPassword();
            } else if (state.getMessage().getAuthenticationState() instanceof LoginAuthenticationState typed) {
                login = typed.getUsername();
                password = typed.getPassword();
            } else {
                return false;
            }
            return address.equalsIgnoreCase(login) && getUserManager().test(login, password);
        }

        /** Not synchronized, unlike GreenMail's: one sender's disk write does not queue the others. */
        @Override
        public void send(SmtpState state) {
            if (signedInAsTheMailbox(state)) {
                super.send(state); // the desk's reply: kept locally, not intake
                return;
            }
            MimeMessage message = state.getMessage().getMessage();
            byte[] raw;
            String id;
            try {
                // Only this server writes it: a sender's own copy would change how its message is read.
                message.removeHeader(ORIGINAL_CONTENT_TYPE);
                var bytes = new ByteArrayOutputStream();
                message.writeTo(bytes);
                raw = bytes.toByteArray();
                id = spool.keep(raw);
                message.setHeader(MailSpool.HEADER, id);
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep the message on disk", e);
            } catch (MessagingException e) {
                throw new IllegalStateException("could not keep the message on disk", e);
            }
            try {
                super.send(state);
            } catch (RuntimeException cannotStore) {
                try {
                    state.getMessage().setMimeMessage(spooled(raw, id, true));
                    super.send(state);
                } catch (MessagingException | RuntimeException stillNot) {
                    // Answered 451: the sender keeps it, so the copy must not come back at the next start.
                    spool.takenIn(List.of(id));
                    throw cannotStore;
                }
            }
        }
    }
}
