package org.heard.ingest.email;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Keeps what a mailbox's settings say to keep of an attachment: always its description (name,
 * type, size), its content only when {@code attachments.store} is on and it is within the size cap,
 * in a file named by its SHA-256 (the same file sent twice is kept once).
 */
final class AttachmentStore {

    private AttachmentStore() {}

    /**
     * One line for the mention's {@code attachments} attribute. Reading the attachment fails only
     * this attachment: the line says so, the email is still taken in.
     *
     * @param wholeMessage false for a message over the size limit read part by part from the server:
     *     its attachments are described from the server's structure, neither downloaded nor stored
     */
    static String describe(
            EmailReader.FoundAttachment attachment, EmailSettings.Attachments settings, boolean wholeMessage) {
        String name = attachment.fileName() == null
                ? "(unnamed)"
                : Shown.line(attachment.fileName()).replace('|', '_');
        String prefix = name + " | " + attachment.type() + " | ";
        if (!wholeMessage) {
            return prefix + "about " + declaredSize(attachment)
                    + " bytes | stored: no (the message is over the size limit and stays in the mailbox)";
        }
        try {
            return prefix + kept(attachment, settings);
        } catch (IOException | MessagingException | RuntimeException e) {
            return prefix + "unreadable (" + EmailReader.describe(e) + ") | stored: no";
        }
    }

    private static String kept(EmailReader.FoundAttachment attachment, EmailSettings.Attachments settings)
            throws IOException, MessagingException {
        long cap = settings.maxSize().toBytes();
        if (!settings.store()) {
            try (InputStream in = attachment.part().getInputStream()) {
                return in.transferTo(OutputStream.nullOutputStream()) + " bytes | stored: no";
            }
        }
        MessageDigest digest = EmailMentions.sha256();
        Files.createDirectories(settings.directory());
        var temporary = Files.createTempFile(settings.directory(), "attachment", ".part");
        long size;
        try (InputStream in = new DigestInputStream(attachment.part().getInputStream(), digest)) {
            size = Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | MessagingException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (size > cap) {
            Files.deleteIfExists(temporary);
            return size + " bytes | stored: no (over " + settings.maxSize() + ")";
        }
        var target = settings.directory().resolve(HexFormat.of().formatHex(digest.digest()));
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        return size + " bytes | stored: " + target;
    }

    private static long declaredSize(EmailReader.FoundAttachment attachment) {
        try {
            return Math.max(0, attachment.part().getSize());
        } catch (MessagingException e) {
            return 0;
        }
    }
}
