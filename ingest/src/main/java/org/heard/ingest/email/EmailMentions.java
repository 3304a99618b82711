package org.heard.ingest.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;

/**
 * Turns one email into what the desk gets: a mention (or our own reply, or unreadable mail),
 * composed of the {@link EmailReader}'s reading, {@link EmailThreading}'s ids and conversation,
 * {@link AttachmentStore}'s attachment lines and the {@link SenderAuthentication} verdict.
 *
 * <p>A mention stays well under Kafka's record size whatever the email: the text is kept once
 * (what staff read in {@code text}, what the trimmer cut under it in the {@code trimmed} attribute),
 * each capped, and every cap that bites is flagged {@link MentionFlag#TRUNCATED}; the whole email
 * stays in the mailbox.
 */
final class EmailMentions {

    /** Characters of text shown, and of text trimmed, kept on the mention: up to about 300 KB of JSON each. */
    static final int MAX_TEXT = 100_000;

    static final int MAX_SUBJECT = 1_000;

    /** Any other attribute (a name, an address, a header). */
    static final int MAX_ATTRIBUTE = 2_000;

    static final int MAX_ATTACHMENTS_LISTED = 100;

    private final EmailReader reader = new EmailReader();
    private final EmailThreading threading;
    private final Clock clock;

    EmailMentions(MailIndex index, Clock clock) {
        this.threading = new EmailThreading(index);
        this.clock = clock;
    }

    /** A whole email, as its raw bytes. */
    Reading read(byte[] raw, EmailSettings.Mailbox mailbox) {
        MimeMessage message;
        String fingerprint;
        try {
            message = reader.parse(raw);
            fingerprint = fingerprint(message, raw, 0, bodyStart(raw));
        } catch (MessagingException | RuntimeException e) {
            return new Reading.Unreadable("malformed MIME: " + EmailReader.describe(e));
        }
        return mentionOf(message, fingerprint, mailbox, null);
    }

    /**
     * An email over the mailbox's size limit, read part by part from the server: its text is taken
     * in (parts up to the size limit), its attachments only described, and the whole message stays
     * where it is.
     *
     * @param where where the message stays, for the staff who need the rest ("INBOX, UID 42")
     */
    Reading readOversize(MimeMessage onTheServer, long size, EmailSettings.Mailbox mailbox, String where) {
        String fingerprint;
        try {
            // No bytes to hash without downloading them: the sender's headers and the size tell this message from
            // others.
            fingerprint = fingerprint(onTheServer, null, size, 0);
        } catch (MessagingException | RuntimeException e) {
            return new Reading.Unreadable("malformed MIME: " + EmailReader.describe(e));
        }
        String note = megabytes(size) + ", over the "
                + megabytes(mailbox.maxMessageSize().toBytes())
                + " limit: its text is shown, its attachments stay in the mailbox (" + where + ")";
        return mentionOf(onTheServer, fingerprint, mailbox, note);
    }

    private Reading mentionOf(MimeMessage message, String fingerprint, EmailSettings.Mailbox mailbox, String oversize) {
        EmailReader.ReadEmail email;
        try {
            email = reader.read(
                    message, oversize == null, mailbox.maxMessageSize().toBytes());
        } catch (EmailReader.Unreadable e) {
            return new Reading.Unreadable(e.getMessage());
        }
        if (threading.isOurs(email.messageId())) {
            return new Reading.OurOwn(email.messageId());
        }
        String wholeText = Shown.text(email.text());
        if (email.from() == null
                && email.subject() == null
                && wholeText.isBlank()
                && email.attachments().isEmpty()) {
            return new Reading.Unreadable(
                    "not an email: no sender, no subject, no text and no attachments could be read");
        }
        String externalId = threading.externalIdOf(email.messageId(), fingerprint);
        InternetAddress from = email.from();
        String sender = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        var joined = threading.conversationOf(
                externalId, email.messageId(), email.inReplyTo(), email.references(), email.subject(), sender);
        InternetAddress answerTo = email.replyTo() != null ? email.replyTo() : from;

        var flags = EnumSet.noneOf(MentionFlag.class);
        flags.addAll(email.automaticFlags());
        var truncated = new ArrayList<String>();
        var attributes = new LinkedHashMap<String, String>();

        var trimmed = QuotedReplyTrimmer.split(wholeText);
        String text = capped(trimmed.shown(), MAX_TEXT, "text", truncated);
        put(attributes, "trimmed", capped(trimmed.cut(), MAX_TEXT, "trimmed text", truncated));
        if (email.textCut()) {
            truncated.add("text parts: the first " + EmailReader.MAX_TEXT_BYTES / (1024 * 1024) + " MB read");
        }
        String subject = capped(Shown.line(email.subject()), MAX_SUBJECT, "subject", truncated);

        attributes.put("mailbox", mailbox.address());
        put(attributes, "messageId", email.messageId());
        put(
                attributes,
                "inReplyTo",
                email.inReplyTo().isEmpty() ? null : email.inReplyTo().getFirst());
        put(attributes, "references", String.join(" ", email.references()));
        put(attributes, "subject", subject);
        put(attributes, "from", from == null ? null : Shown.line(from.toUnicodeString()));
        // Where a reply goes: the Reply-To when there is one, which the desk must show since it may not be the sender.
        put(attributes, "replyTo", answerTo == null ? null : Shown.line(answerTo.getAddress()));
        if (email.replyTo() != null
                && (from == null || !email.replyTo().getAddress().equalsIgnoreCase(from.getAddress()))) {
            flags.add(MentionFlag.REPLY_TO_DIFFERS);
        }
        var verdict = SenderAuthentication.of(email.authenticationResults(), mailbox.authenticationServers());
        put(attributes, "authentication", verdict.summary());
        if (!verdict.authenticated()) {
            flags.add(MentionFlag.SENDER_NOT_AUTHENTICATED);
        }
        if (joined.anotherSendersThread()) {
            flags.add(MentionFlag.THREAD_OF_ANOTHER_SENDER);
        }
        attachments(email, mailbox, oversize == null, attributes, truncated);
        var unreadable = new ArrayList<>(email.unreadableParts());
        if (oversize != null) {
            put(attributes, "oversize", oversize);
            if (!email.attachments().isEmpty()) {
                unreadable.add("attachments not downloaded (the message is over the size limit)");
            }
        }
        if (!unreadable.isEmpty()) {
            flags.add(MentionFlag.PART_UNREADABLE);
            put(attributes, "unreadableParts", String.join("\n", unreadable));
        }
        if (!truncated.isEmpty()) {
            flags.add(MentionFlag.TRUNCATED);
            put(attributes, "truncated", String.join("; ", truncated) + "; the whole email stays in the mailbox");
        }
        attributes.replaceAll((key, value) -> key.equals("trimmed") ? value : Shown.capped(value, MAX_ATTRIBUTE));

        var mention = new MentionReceived(
                null,
                Channel.EMAIL,
                mailbox.address(),
                externalId,
                joined.conversation(),
                email.inReplyTo().isEmpty() ? null : email.inReplyTo().getFirst(),
                from == null
                        ? Author.anonymous()
                        : new Author(from.getAddress(), from.getAddress(), Shown.line(from.getPersonal())),
                subject,
                text,
                email.sentAt(),
                clock.instant(),
                mailbox.services(),
                flags,
                attributes);
        var threadReferences = new ArrayList<>(email.references());
        if (email.messageId() != null && !threadReferences.contains(email.messageId())) {
            threadReferences.add(email.messageId());
        }
        var headers = new ThreadHeaders(
                email.messageId(),
                threadReferences,
                email.subject(),
                answerTo == null ? null : answerTo.getAddress(),
                mailbox.address());
        return new Reading.Mention(mention, headers);
    }

    private static void attachments(
            EmailReader.ReadEmail email,
            EmailSettings.Mailbox mailbox,
            boolean wholeMessage,
            LinkedHashMap<String, String> attributes,
            List<String> truncated) {
        List<EmailReader.FoundAttachment> found = email.attachments();
        if (found.isEmpty()) {
            return;
        }
        var lines = new ArrayList<String>();
        for (var attachment : found.subList(0, Math.min(found.size(), MAX_ATTACHMENTS_LISTED))) {
            lines.add(AttachmentStore.describe(attachment, mailbox.attachments(), wholeMessage));
        }
        if (found.size() > MAX_ATTACHMENTS_LISTED) {
            truncated.add("attachments: the first " + MAX_ATTACHMENTS_LISTED + " of " + found.size() + " listed");
        }
        attributes.put("attachmentCount", Integer.toString(found.size()));
        // Joined here, capped with the other attributes: a hundred long names are no reason to grow the mention.
        attributes.put("attachments", String.join("\n", lines));
    }

    private static String capped(String value, int max, String what, List<String> truncated) {
        if (value != null && value.length() > max) {
            truncated.add(what + ": " + value.length() + " characters, the first " + max + " kept");
            return Shown.capped(value, max);
        }
        return value;
    }

    private static void put(LinkedHashMap<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
    }

    /**
     * Stable across re-reads of the same email, different for a different one: the sender's own
     * headers and the body, never what servers add on the way (Received lines, our spool header),
     * which differ between deliveries of one email.
     *
     * @param raw the whole message, or null when only its size is known
     */
    static String fingerprint(MimeMessage message, byte[] raw, long size, int bodyStart) throws MessagingException {
        MessageDigest digest = sha256();
        for (String name : List.of("From", "Date", "Subject", "To")) {
            String value = message.getHeader(name, ",");
            digest.update((name + ":" + (value == null ? "" : value) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (raw != null) {
            digest.update(raw, bodyStart, raw.length - bodyStart);
        } else {
            digest.update(("size:" + size).getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n'
                    && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return 0;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
