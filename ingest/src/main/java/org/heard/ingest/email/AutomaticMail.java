package org.heard.ingest.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.heard.contracts.MentionFlag;

/**
 * Recognises mail no person wrote to us: auto-replies and out-of-office notes, bounces and delivery
 * reports, bulk and list mail. They are taken in (someone may need to see a bounce) but flagged, so
 * nothing answers them automatically and two autoresponders never talk to each other.
 */
final class AutomaticMail {

    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^(auto(matic)?[ -]?reply|out of (the )?office|autoreply|automatische antwort|réponse automatique)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAILER_DAEMON =
            Pattern.compile("(mailer-daemon|postmaster)@", Pattern.CASE_INSENSITIVE);

    private AutomaticMail() {}

    static Set<MentionFlag> flagsOf(MimeMessage message) throws MessagingException {
        var flags = EnumSet.noneOf(MentionFlag.class);
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.equalsIgnoreCase("no")) {
            flags.add(MentionFlag.AUTO_REPLY);
        }
        if (header(message, "X-Autoreply") != null
                || header(message, "X-Autorespond") != null
                || header(message, "X-Autoresponder") != null) {
            flags.add(MentionFlag.AUTO_REPLY);
        }
        String precedence = header(message, "Precedence");
        if (precedence != null) {
            switch (precedence.toLowerCase(Locale.ROOT)) {
                case "bulk", "junk", "list" -> flags.add(MentionFlag.BULK);
                case "auto_reply", "auto-reply" -> flags.add(MentionFlag.AUTO_REPLY);
                default -> {}
            }
        }
        if (header(message, "List-Id") != null || header(message, "List-Unsubscribe") != null) {
            flags.add(MentionFlag.BULK);
        }
        String contentType = header(message, "Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            flags.add(MentionFlag.BOUNCE);
        }
        String from = header(message, "From");
        if (from != null && MAILER_DAEMON.matcher(from).find()) {
            flags.add(MentionFlag.BOUNCE);
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null
                && returnPath.replaceAll("\\s", "").equals("<>")
                && !flags.contains(MentionFlag.BOUNCE)) {
            // A null return path means "do not answer this", whatever else the message looks like.
            flags.add(MentionFlag.AUTO_REPLY);
        }
        String subject = message.getSubject();
        if (subject != null && AUTO_SUBJECT.matcher(subject.strip()).matches()) {
            flags.add(MentionFlag.AUTO_REPLY);
        }
        return flags;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ",");
        return value == null ? null : value.strip();
    }
}
