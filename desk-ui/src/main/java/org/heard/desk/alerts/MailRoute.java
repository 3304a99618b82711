package org.heard.desk.alerts;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.heard.ingest.email.EmailSettings;
import org.heard.ingest.email.MailSessions;

/** Alert email over SMTP, plain text. */
final class MailRoute implements AlertRoute {

    /** Where alert mail goes out: a host, how it is protected, and a login (or none). */
    record Server(String host, int port, EmailSettings.Security security, String username, Supplier<String> password) {
        @Override
        public String toString() {
            return "Server[" + host + ":" + port + " " + security + "]";
        }
    }

    private final Supplier<Server> server;
    private final String from;
    private final Clock clock;

    /** @param server looked up on each delivery: the embedded mail server may start after the desk */
    MailRoute(Supplier<Server> server, String from, Clock clock) {
        this.server = server;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public Delivered deliver(AlertDelivery delivery) {
        Server smtp;
        try {
            smtp = server.get();
        } catch (RuntimeException e) {
            return new Delivered.Failed("no SMTP server for alerts: " + e.getMessage(), true);
        }
        if (smtp == null) {
            return new Delivered.Failed("no SMTP server for alerts: set heard.alerts.smtp or configure an email mailbox", true);
        }
        Session session = session(smtp);
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(delivery.address(), true));
            message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(delivery.body(), StandardCharsets.UTF_8.name());
            message.saveChanges();
            try (Transport transport = session.getTransport()) {
                boolean login = smtp.username() != null && !smtp.username().isBlank();
                if (login) {
                    transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password().get());
                } else {
                    transport.connect(smtp.host(), smtp.port(), null, null);
                }
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Delivered.Accepted();
        } catch (AuthenticationFailedException e) {
            return new Delivered.Failed("the mail server refused our login", true);
        } catch (MessagingException e) {
            int code = code(e);
            if (code >= 500) {
                return new Delivered.Failed("the mail server refused it (" + code + "): " + e.getMessage(), false);
            }
            return new Delivered.Failed("mail server: " + e.getMessage(), true);
        }
    }

    private static int code(MessagingException e) {
        Exception current = e;
        while (current != null) {
            if (current instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return e instanceof SendFailedException ? 550 : -1;
    }

    private static Session session(Server smtp) {
        return MailSessions.smtpSession(new EmailSettings.Server(smtp.host(), smtp.port(), smtp.security()),
                smtp.username() != null && !smtp.username().isBlank());
    }
}
