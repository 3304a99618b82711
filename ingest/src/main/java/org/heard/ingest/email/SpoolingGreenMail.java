package org.heard.ingest.email;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
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
import java.util.Map;
import java.util.Properties;

/**
 * GreenMail whose SMTP server keeps its word: it takes mail only for the one mailbox the desk
 * watches (anything else is refused at RCPT with 550, not accepted into a mailbox nobody reads), and
 * it answers "250 OK" to a message only after the {@link MailSpool} has it on disk. A spool that
 * cannot write makes the answer 451, so the sender keeps the message and tries again.
 */
final class SpoolingGreenMail extends GreenMail {

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
        var message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(kept.raw()));
        message.setHeader(MailSpool.HEADER, kept.id());
        getManagers().getUserManager().getUserByEmail(address).deliver(message);
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
            if (!address.equalsIgnoreCase(recipient.getEmail())) {
                return "550 5.1.1 <" + recipient.getEmail() + ">: no such mailbox here; this server takes mail for "
                        + address + " only";
            }
            return super.checkRecipient(state, recipient);
        }

        /** Not synchronized, unlike GreenMail's: one sender's disk write does not queue the others. */
        @Override
        public void send(SmtpState state) {
            MimeMessage message = state.getMessage().getMessage();
            try {
                var raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                message.setHeader(MailSpool.HEADER, spool.keep(raw.toByteArray()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not keep the message on disk", e);
            } catch (MessagingException e) {
                throw new IllegalStateException("could not keep the message on disk", e);
            }
            super.send(state);
        }
    }
}
