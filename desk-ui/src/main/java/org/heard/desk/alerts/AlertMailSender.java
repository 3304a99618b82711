package org.heard.desk.alerts;

import java.time.Duration;
import java.util.Properties;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A {@link JavaMailSenderImpl} for {@code heard.alerts.smtp}: its protection, a login when it has one, and timeouts. */
final class AlertMailSender {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AlertMailSender() {}

    /** Made for each delivery, so a password file changed since is read again. */
    static JavaMailSenderImpl of(AlertSettings.Smtp smtp) {
        var sender = new JavaMailSenderImpl();
        String protocol = smtp.security() == AlertSettings.Security.SSL ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        boolean login = smtp.username() != null && !smtp.username().isBlank();
        if (login) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.secret());
        }
        var properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "auth", Boolean.toString(login));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(TIMEOUT.toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(TIMEOUT.toMillis()));
        switch (smtp.security()) {
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
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
