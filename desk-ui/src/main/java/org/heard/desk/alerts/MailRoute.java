package org.heard.desk.alerts;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Alert email, plain text, through Spring's {@link JavaMailSender}: the desk's own
 * ({@code heard.alerts.smtp}) or the application's ({@code spring.mail.*}), so a desk-only
 * instance sends alerts without any channel running beside it.
 */
final class MailRoute implements AlertRoute {

    private final Supplier<JavaMailSender> sender;
    private final String from;
    private final Clock clock;

    /** @param sender looked up on each delivery; null when no SMTP server is configured */
    MailRoute(Supplier<JavaMailSender> sender, String from, Clock clock) {
        this.sender = sender;
        this.from = from;
        this.clock = clock;
    }

    @Override
    public Delivered deliver(AlertDelivery delivery) {
        JavaMailSender mail;
        try {
            mail = sender.get();
        } catch (RuntimeException e) {
            return new Delivered.Failed("no SMTP server for alerts: " + e.getMessage(), true);
        }
        if (mail == null) {
            return new Delivered.Failed("no SMTP server for alerts: set spring.mail.host (or heard.alerts.smtp)", true);
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(delivery.address(), true));
            message.setSubject(delivery.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(delivery.body(), StandardCharsets.UTF_8.name());
            mail.send(message);
            return new Delivered.Accepted();
        } catch (MessagingException e) {
            return new Delivered.Failed("cannot write the alert email: " + e.getMessage(), false);
        } catch (MailAuthenticationException e) {
            return new Delivered.Failed("the mail server refused our login", true);
        } catch (MailException e) {
            int code = code(e);
            if (code >= 500) {
                return new Delivered.Failed("the mail server refused it (" + code + "): " + e.getMessage(), false);
            }
            return new Delivered.Failed("mail server: " + e.getMessage(), true);
        }
    }

    /** The SMTP reply code of a refusal, -1 when the server gave none (it could not be reached). */
    static int code(MailException e) {
        if (e instanceof MailSendException send) {
            for (Exception failed : send.getFailedMessages().values()) {
                int code = code(failed);
                if (code > 0) {
                    return code;
                }
            }
        }
        return code(e.getCause());
    }

    private static int code(Throwable failure) {
        Throwable current = failure;
        while (current != null) {
            if (current instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof SendFailedException) {
                return 550;
            }
            current = current instanceof MessagingException m && m.getNextException() != null
                    ? m.getNextException()
                    : current.getCause();
        }
        return -1;
    }
}
