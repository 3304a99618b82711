package org.heard.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionReceived;

/**
 * Reads one raw email (RFC 5322 bytes) into a mention: decoded headers, the text staff read (plain
 * or HTML made safe, quotes and signature trimmed), the full original, attachments as metadata, the
 * automatic-mail flags and the conversation it belongs to. Plain Java: no server, no Spring.
 */
final class EmailReader {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final int MAX_NESTING = 20;

    private final MailIndex index;
    private final Clock clock;
    private final Session session;

    EmailReader(MailIndex index, Clock clock) {
        this.index = index;
        this.clock = clock;
        var properties = new Properties();
        // Real-world mail is sloppy: accept what decent clients accept, and fail only on what cannot be read.
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        this.session = Session.getInstance(properties);
    }

    Reading read(byte[] raw, EmailSettings.Mailbox mailbox) {
        try {
            return readOrThrow(raw, mailbox);
        } catch (UnreadableMail e) {
            return new Reading.Unreadable(e.getMessage());
        } catch (UnsupportedEncodingException e) {
            return new Reading.Unreadable("unknown or invalid charset: " + e.getMessage());
        } catch (MessagingException | IOException | RuntimeException e) {
            return new Reading.Unreadable("malformed MIME: " + describe(e));
        }
    }

    private Reading readOrThrow(byte[] raw, EmailSettings.Mailbox mailbox) throws MessagingException, IOException {
        var message = new MimeMessage(session, new ByteArrayInputStream(raw));
        String messageId = firstMessageId(message.getHeader("Message-ID", " ")).orElse(null);
        if (messageId != null && index.isOurs(messageId)) {
            return new Reading.OurOwn(messageId);
        }
        String fingerprint = fingerprint(message, raw);
        String externalId = externalIdOf(messageId, fingerprint);

        var body = new Body();
        collect(message, body, 0, mailbox);
        String fullText = body.plain.isEmpty() ? HtmlText.toText(String.join("\n", body.html)) : HtmlText.tidy(String.join("\n\n", body.plain));
        String subject = decoded(message.getHeader("Subject", " "));

        List<String> inReplyTo = messageIds(message.getHeader("In-Reply-To", " "));
        List<String> references = messageIds(message.getHeader("References", " "));
        ConversationId conversation = conversationOf(externalId, messageId, inReplyTo, references, subject);

        InternetAddress from = firstAddress(message.getHeader("From", ","));
        InternetAddress replyTo = firstAddress(message.getHeader("Reply-To", ","));
        InternetAddress answerTo = replyTo != null ? replyTo : from;

        var attributes = new LinkedHashMap<String, String>();
        attributes.put("fullText", fullText);
        attributes.put("mailbox", mailbox.address());
        put(attributes, "messageId", messageId);
        put(attributes, "inReplyTo", inReplyTo.isEmpty() ? null : inReplyTo.getFirst());
        put(attributes, "references", String.join(" ", references));
        put(attributes, "subject", subject);
        put(attributes, "from", from == null ? null : from.toUnicodeString());
        put(attributes, "replyTo", answerTo == null ? null : answerTo.getAddress());
        if (!body.attachments.isEmpty()) {
            attributes.put("attachmentCount", Integer.toString(body.attachments.size()));
            attributes.put("attachments", String.join("\n", body.attachments));
        }

        var flags = EnumSet.noneOf(org.heard.contracts.MentionFlag.class);
        flags.addAll(AutomaticMail.flagsOf(message));

        var mention = new MentionReceived(
                null,
                Channel.EMAIL,
                mailbox.address(),
                externalId,
                conversation,
                inReplyTo.isEmpty() ? null : inReplyTo.getFirst(),
                from == null ? Author.anonymous() : new Author(from.getAddress(), from.getAddress(), from.getPersonal()),
                subject,
                QuotedReplyTrimmer.trim(fullText),
                message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                clock.instant(),
                mailbox.services(),
                flags,
                attributes);
        var threadReferences = new ArrayList<>(references);
        if (messageId != null && !threadReferences.contains(messageId)) {
            threadReferences.add(messageId);
        }
        var headers = new ThreadHeaders(
                messageId, threadReferences, subject, answerTo == null ? null : answerTo.getAddress(), mailbox.address());
        return new Reading.Mention(mention, headers);
    }

    /**
     * The Message-ID is the external id, so a re-read gives the same mention. A message without one
     * gets an id from its content; a different message reusing a Message-ID we already took in
     * (broken clients do this) gets the Message-ID plus its own content hash, so it is not merged away.
     */
    private String externalIdOf(String messageId, String fingerprint) {
        if (messageId == null) {
            return "<" + fingerprint.substring(0, 32) + "@no-message-id.heard>";
        }
        Optional<String> known = index.fingerprintOf(messageId);
        if (known.isEmpty()) {
            index.rememberFingerprint(messageId, fingerprint);
            return messageId;
        }
        return known.get().equals(fingerprint) ? messageId : messageId + "#" + fingerprint.substring(0, 16);
    }

    /**
     * Joins the conversation of the first message it answers that we know; else the one whose token
     * our own Message-ID or subject carries; else the thread's root; else it starts its own.
     */
    private ConversationId conversationOf(
            String externalId, String messageId, List<String> inReplyTo, List<String> references, String subject) {
        if (messageId != null) {
            Optional<ConversationId> known = index.conversationOf(messageId);
            if (known.isPresent()) {
                return known.get();
            }
        }
        var answered = new ArrayList<String>(inReplyTo);
        for (int i = references.size() - 1; i >= 0; i--) {
            answered.add(references.get(i));
        }
        for (String id : answered) {
            Optional<ConversationId> found = index.conversationOf(id).or(() -> ConversationToken.inMessageId(id));
            if (found.isPresent()) {
                return remember(messageId, found.get());
            }
        }
        Optional<ConversationId> bySubject = ConversationToken.inSubject(subject);
        if (bySubject.isPresent()) {
            return remember(messageId, bySubject.get());
        }
        String root = !references.isEmpty() ? references.getFirst() : !inReplyTo.isEmpty() ? inReplyTo.getFirst() : externalId;
        return remember(messageId, ConversationId.startedBy(Channel.EMAIL, root));
    }

    private ConversationId remember(String messageId, ConversationId conversation) {
        if (messageId != null) {
            index.rememberConversation(messageId, conversation);
        }
        return conversation;
    }

    private void collect(Part part, Body body, int depth, EmailSettings.Mailbox mailbox) throws MessagingException, IOException {
        if (depth > MAX_NESTING) {
            throw new UnreadableMail("MIME parts nested deeper than " + MAX_NESTING);
        }
        ContentType type = contentType(part);
        String disposition = safeDisposition(part);
        String fileName = safeFileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition) || (fileName != null && !type.match("multipart/*"));
        if (type.match("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new UnreadableMail("multipart without parts (" + type.getBaseType() + ")");
            }
            if (multipart.getCount() == 0) {
                throw new UnreadableMail("multipart with no parts (" + type.getBaseType() + ")");
            }
            if (type.match("multipart/alternative")) {
                collectAlternative(multipart, body, depth, mailbox);
                return;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body, depth + 1, mailbox);
            }
        } else if (!attachment && type.match("text/plain")) {
            body.plain.add(text(part, type));
        } else if (!attachment && type.match("text/html")) {
            body.html.add(text(part, type));
        } else {
            body.attachments.add(attachmentOf(part, type, fileName, mailbox));
        }
    }

    /** The alternatives say the same thing: plain if there is one, else the richest we can read. */
    private void collectAlternative(Multipart multipart, Body body, int depth, EmailSettings.Mailbox mailbox)
            throws MessagingException, IOException {
        BodyPart chosen = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart candidate = multipart.getBodyPart(i);
            ContentType type = contentType(candidate);
            if (type.match("text/plain")) {
                chosen = candidate;
                break;
            }
            if (chosen == null || type.match("text/html") || type.match("multipart/*")) {
                chosen = candidate;
            }
        }
        collect(chosen, body, depth + 1, mailbox);
    }

    private static String text(Part part, ContentType type) throws MessagingException, IOException {
        String charset = type.getParameter("charset");
        if (charset != null) {
            String javaCharset = MimeUtility.javaCharset(charset.strip());
            try {
                if (!Charset.isSupported(javaCharset)) {
                    throw new UnsupportedEncodingException(charset);
                }
            } catch (IllegalArgumentException e) {
                throw new UnsupportedEncodingException(charset);
            }
        }
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        // Some servers label odd parts text/*; read them as UTF-8 rather than lose them.
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String attachmentOf(Part part, ContentType type, String fileName, EmailSettings.Mailbox mailbox)
            throws MessagingException, IOException {
        var settings = mailbox.attachments();
        long cap = settings.maxSize().toBytes();
        long size;
        String stored = "no";
        MessageDigest digest = sha256();
        if (settings.store()) {
            Files.createDirectories(settings.directory());
            var temporary = Files.createTempFile(settings.directory(), "attachment", ".part");
            try (InputStream in = new DigestInputStream(part.getInputStream(), digest)) {
                size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            if (size <= cap) {
                var target = settings.directory().resolve(HexFormat.of().formatHex(digest.digest()));
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                stored = target.toString();
            } else {
                Files.deleteIfExists(temporary);
                stored = "no (over " + settings.maxSize() + ")";
            }
        } else {
            try (InputStream in = part.getInputStream()) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
        }
        String name = fileName == null ? "(unnamed)" : fileName.replaceAll("[\\r\\n|]", "_");
        return name + " | " + type.getBaseType().toLowerCase(Locale.ROOT) + " | " + size + " bytes | stored: " + stored;
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (ParseException e) {
            throw new UnreadableMail("unreadable Content-Type '" + part.getContentType() + "'");
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String safeFileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header)).strip();
        } catch (UnsupportedEncodingException e) {
            return MimeUtility.unfold(header).strip();
        }
    }

    private static InternetAddress firstAddress(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
            return addresses.length == 0 ? null : addresses[0];
        } catch (AddressException e) {
            return null;
        }
    }

    static Optional<String> firstMessageId(String header) {
        return messageIds(header).stream().findFirst();
    }

    static List<String> messageIds(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        var matcher = MESSAGE_ID.matcher(header);
        var ids = new ArrayList<String>();
        while (matcher.find()) {
            if (!ids.contains(matcher.group())) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static void put(LinkedHashMap<String, String> attributes, String key, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(key, value);
        }
    }

    static String fingerprint(MimeMessage message, byte[] raw) throws MessagingException {
        // The body and the sender's own headers only: Received lines differ between deliveries of one email.
        MessageDigest digest = sha256();
        for (String name : List.of("From", "Date", "Subject", "To")) {
            String value = message.getHeader(name, ",");
            digest.update((name + ":" + (value == null ? "" : value) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update(Arrays.copyOfRange(raw, bodyStart(raw), raw.length));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() != null && e.getCause() != e ? message + " (" + describe(e.getCause()) + ")" : message;
    }

    private static final class Body {
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<String> attachments = new ArrayList<>();
    }

    /** Thrown inside the reader only; it becomes {@link Reading.Unreadable}. */
    private static final class UnreadableMail extends RuntimeException {
        UnreadableMail(String reason) {
            super(reason);
        }
    }
}
