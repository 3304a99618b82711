package org.heard.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.heard.contracts.MentionFlag;

/**
 * Reads one email's MIME: decoded headers, the text of its text parts (plain, or HTML made safe),
 * its attachments (found, not saved), the automatic-mail flags and the Authentication-Results
 * headers. Plain Java, nothing written anywhere: threading is {@link EmailThreading}'s, saving
 * attachments {@link AttachmentStore}'s.
 *
 * <p>One bad part does not make the whole message unreadable: a text part in an unknown charset is
 * read as UTF-8 (or Windows-1252), a text part with broken base64 yields what decodes, and a part
 * that cannot be read at all is left out; each is named in {@link ReadEmail#unreadableParts()}.
 * Work and memory are bounded: at most {@link #MAX_TEXT_BYTES} of text parts are read.
 */
final class EmailReader {

    /** The most of an email's text parts read, all together; more is cut and said so. */
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;

    /** Thread headers kept: the root and the most recent ones. */
    static final int MAX_REFERENCES = 100;

    /** RFC 5322's line limit: a longer "Message-ID" is nobody's. */
    private static final int MAX_MESSAGE_ID = 998;

    private static final int MAX_NESTING = 20;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final Session session;

    EmailReader() {
        var properties = new Properties();
        // Real-world mail is sloppy: accept what decent clients accept, and fail only on what cannot be read.
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        this.session = Session.getInstance(properties);
    }

    /** The raw RFC 5322 bytes as a message; fails only when not even the headers can be parsed. */
    MimeMessage parse(byte[] raw) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(raw));
    }

    /**
     * Reads a message: one parsed from raw bytes, or one still on the IMAP server, whose parts are
     * then fetched one by one as they are read ({@code wholeMessage} false: attachments are only
     * described, and text parts bigger than {@code maxPartSize} are left on the server).
     *
     * @throws Unreadable when the message has no structure to read at all
     */
    ReadEmail read(MimeMessage message, boolean wholeMessage, long maxPartSize) {
        try {
            var body = new Body(wholeMessage, maxPartSize);
            collect(message, body, 0);
            String text = body.plain.isEmpty()
                    ? HtmlText.toText(String.join("\n", body.html))
                    : HtmlText.tidy(String.join("\n\n", body.plain));
            String messageId =
                    firstMessageId(header(message, "Message-ID", " ")).orElse(null);
            return new ReadEmail(
                    messageId,
                    messageIds(header(message, "In-Reply-To", " ")),
                    messageIds(header(message, "References", " ")),
                    decoded(header(message, "Subject", " ")),
                    firstAddress(header(message, "From", ",")),
                    firstAddress(header(message, "Reply-To", ",")),
                    sentAt(message),
                    text,
                    List.copyOf(body.attachments),
                    List.copyOf(body.problems),
                    body.cut,
                    automaticFlags(message),
                    headers(message, "Authentication-Results"));
        } catch (MessagingException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("malformed MIME: " + describe(e));
        }
    }

    private void collect(Part part, Body body, int depth) throws MessagingException {
        if (depth > MAX_NESTING) {
            body.problems.add("parts nested deeper than " + MAX_NESTING + " were not read");
            return;
        }
        ContentType type = contentType(part);
        if (type == null) {
            body.problems.add("unreadable Content-Type '" + Shown.line(declaredType(part))
                    + "'; its body is shown as plain text");
            type = new ContentType("text/plain");
        }
        String fileName = safeFileName(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(part))
                || (fileName != null && !type.match("multipart/*"));
        if (type.match("multipart/*")) {
            collectMultipart(part, type, body, depth);
        } else if (!attachment && (type.match("text/plain") || type.match("text/html"))) {
            text(part, type, body).ifPresent(type.match("text/plain") ? body.plain::add : body.html::add);
        } else {
            body.attachments.add(
                    new FoundAttachment(part, fileName, type.getBaseType().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * A multipart whose parts cannot be found (a boundary that never comes) still holds what the
     * sender wrote: its body is read as plain text rather than the whole message given up.
     */
    private void collectMultipart(Part part, ContentType type, Body body, int depth) throws MessagingException {
        Multipart multipart = null;
        String problem;
        try {
            Object content = part.getContent();
            multipart = content instanceof Multipart found ? found : null;
            problem = multipart == null ? type.getBaseType() + " without parts" : null;
            if (multipart != null && multipart.getCount() == 0) {
                problem = type.getBaseType() + " with no parts";
            }
        } catch (IOException | MessagingException e) {
            problem = type.getBaseType() + ": " + describe(e);
        }
        if (problem != null) {
            body.problems.add(problem + "; its body is shown as plain text");
            rawText(part, body).ifPresent(body.plain::add);
            return;
        }
        if (type.match("multipart/alternative")) {
            collect(chosenAlternative(multipart), body, depth + 1);
            return;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child;
            try {
                child = multipart.getBodyPart(i);
            } catch (MessagingException e) {
                body.problems.add("part " + (i + 1) + " of " + type.getBaseType() + ": " + describe(e));
                continue;
            }
            collect(child, body, depth + 1);
        }
    }

    /** The alternatives say the same thing: plain if there is one, else the richest we can read. */
    private static BodyPart chosenAlternative(Multipart multipart) throws MessagingException {
        BodyPart chosen = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart candidate = multipart.getBodyPart(i);
            ContentType type = contentType(candidate);
            if (type == null) {
                continue;
            }
            if (type.match("text/plain")) {
                return candidate;
            }
            if (chosen == null || type.match("text/html") || type.match("multipart/*")) {
                chosen = candidate;
            }
        }
        return chosen;
    }

    /**
     * A text part's words, within what is left of {@link #MAX_TEXT_BYTES}. No charset or an unknown
     * one is read as UTF-8 (Windows-1252 if the bytes are no UTF-8); broken base64 gives what still decodes.
     */
    private Optional<String> text(Part part, ContentType type, Body body) {
        String what = type.getBaseType().toLowerCase(Locale.ROOT);
        if (!body.wholeMessage && sizeOf(part) > body.maxPartSize) {
            body.problems.add(
                    what + " of " + sizeOf(part) + " bytes was not read (the message is over the size limit)");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = readAtMost(in, body);
        } catch (IOException | MessagingException e) {
            Optional<byte[]> salvaged = salvagedBase64(part, body);
            if (salvaged.isEmpty()) {
                body.problems.add(what + " could not be read (" + describe(e) + ")");
                return Optional.empty();
            }
            body.problems.add(what + ": broken base64 (" + describe(e) + "); shown is what could be decoded");
            bytes = salvaged.get();
        }
        String declared = type.getParameter("charset");
        Charset charset = charsetOf(declared);
        if (charset == null) {
            Charset fallback = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("Windows-1252");
            if (declared != null && !declared.isBlank()) {
                body.problems.add(what + ": unknown charset '" + declared.strip() + "', read as " + fallback.name());
            }
            charset = fallback;
        }
        return Optional.of(decode(bytes, charset));
    }

    /** The undecoded body of a part that should have had parts, as text. */
    private Optional<String> rawText(Part part, Body body) {
        try (InputStream in = rawStream(part)) {
            byte[] bytes = readAtMost(in, body);
            return Optional.of(decode(bytes, isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("Windows-1252")));
        } catch (IOException | MessagingException e) {
            body.problems.add("the body could not be read either (" + describe(e) + ")");
            return Optional.empty();
        }
    }

    /** A part's body as it is on the wire, before any transfer decoding. */
    private static InputStream rawStream(Part part) throws MessagingException, IOException {
        return switch (part) {
            case MimeBodyPart body -> body.getRawInputStream();
            case MimeMessage message -> message.getRawInputStream();
            default -> part.getInputStream();
        };
    }

    private static byte[] readAtMost(InputStream in, Body body) throws IOException {
        int left = body.textBytesLeft;
        byte[] bytes = in.readNBytes(left + 1);
        if (bytes.length > left) {
            body.cut = true;
            bytes = Arrays.copyOf(bytes, left);
        }
        body.textBytesLeft -= bytes.length;
        return bytes;
    }

    /** What decodes of base64 whose decoder gave up: characters outside the alphabet skipped, the broken tail dropped. */
    private static Optional<byte[]> salvagedBase64(Part part, Body body) {
        try {
            if (!(part instanceof MimePart mime)
                    || !"base64"
                            .equalsIgnoreCase(String.valueOf(mime.getEncoding()).strip())) {
                return Optional.empty();
            }
            var alphabet = new ByteArrayOutputStream();
            try (InputStream in = rawStream(part)) {
                byte[] raw = in.readNBytes(body.textBytesLeft / 3 * 4 + 4);
                for (byte b : raw) {
                    if ((b >= 'A' && b <= 'Z')
                            || (b >= 'a' && b <= 'z')
                            || (b >= '0' && b <= '9')
                            || b == '+'
                            || b == '/') {
                        alphabet.write(b);
                    }
                }
            }
            byte[] clean = alphabet.toByteArray();
            byte[] decoded = Base64.getDecoder().decode(Arrays.copyOf(clean, clean.length - clean.length % 4));
            body.textBytesLeft -= Math.min(body.textBytesLeft, decoded.length);
            return Optional.of(decoded);
        } catch (IOException | MessagingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Charset charsetOf(String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        try {
            String name = MimeUtility.javaCharset(declared.strip());
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(byte[] bytes, Charset charset) {
        // new String replaces what does not decode instead of failing: a wrong byte costs a character, not the email.
        return new String(bytes, charset);
    }

    private static long sizeOf(Part part) {
        try {
            return Math.max(0, part.getSize());
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The part's Content-Type (MIME's default, text/plain, when it has none); null when it cannot be read. */
    private static ContentType contentType(Part part) {
        String declared = declaredType(part);
        try {
            return new ContentType(declared == null ? "text/plain" : declared);
        } catch (ParseException e) {
            return null;
        }
    }

    private static String declaredType(Part part) {
        try {
            String kept = part instanceof MimeMessage message
                    ? message.getHeader(SpoolingGreenMail.ORIGINAL_CONTENT_TYPE, null)
                    : null;
            // The embedded server had to store this one as text/plain: what the sender wrote is kept here.
            return kept != null ? kept : part.getContentType();
        } catch (MessagingException e) {
            return null;
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

    private static Set<MentionFlag> automaticFlags(MimeMessage message) {
        try {
            return AutomaticMail.flagsOf(message);
        } catch (MessagingException e) {
            return Set.of();
        }
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            return message.getSentDate() == null ? null : message.getSentDate().toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String header(MimeMessage message, String name, String delimiter) throws MessagingException {
        return message.getHeader(name, delimiter);
    }

    private static List<String> headers(MimeMessage message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? List.of() : List.of(values);
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

    /**
     * The Message-IDs in a header, once each, in order: the first (a thread's root) and the last
     * {@link #MAX_REFERENCES} - 1, so a hostile References header costs no more than a long one.
     */
    static List<String> messageIds(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        var matcher = MESSAGE_ID.matcher(header);
        var ids = new LinkedHashSet<String>();
        while (matcher.find()) {
            if (matcher.end() - matcher.start() <= MAX_MESSAGE_ID) {
                ids.add(matcher.group());
            }
        }
        var all = new ArrayList<>(ids);
        if (all.size() <= MAX_REFERENCES) {
            return all;
        }
        var kept = new ArrayList<String>(MAX_REFERENCES);
        kept.add(all.getFirst());
        kept.addAll(all.subList(all.size() - (MAX_REFERENCES - 1), all.size()));
        return Collections.unmodifiableList(kept);
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e.getCause() != null && e.getCause() != e ? message + " (" + describe(e.getCause()) + ")" : message;
    }

    /** Everything read from one email; nothing decided about threads or ids yet. */
    record ReadEmail(
            String messageId,
            List<String> inReplyTo,
            List<String> references,
            String subject,
            InternetAddress from,
            InternetAddress replyTo,
            Instant sentAt,
            String text,
            List<FoundAttachment> attachments,
            List<String> unreadableParts,
            boolean textCut,
            Set<MentionFlag> automaticFlags,
            List<String> authenticationResults) {}

    /** An attachment as found in the message: saving it, or not, is {@link AttachmentStore}'s decision. */
    record FoundAttachment(Part part, String fileName, String type) {}

    /** The message has nothing we could read as an email. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final class Body {
        final boolean wholeMessage;
        final long maxPartSize;
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<FoundAttachment> attachments = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        boolean cut;
        int textBytesLeft = MAX_TEXT_BYTES;

        Body(boolean wholeMessage, long maxPartSize) {
            this.wholeMessage = wholeMessage;
            this.maxPartSize = maxPartSize;
        }
    }
}
