package org.heard.ingest.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** Raw sample emails (test resources) and a mailbox to read them for. */
final class Samples {

    private Samples() {}

    static byte[] raw(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            // The files are written with LF; mail on the wire has CRLF.
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("\r\n", "\n")
                    .replace("\n", "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EmailSettings.Mailbox mailbox(String address, int imapPort, int smtpPort) {
        return new EmailSettings.Mailbox(
                address,
                "Patient Experience",
                new EmailSettings.Server("127.0.0.1", imapPort, EmailSettings.Security.NONE),
                new EmailSettings.Server("127.0.0.1", smtpPort, EmailSettings.Security.NONE),
                address,
                "secret-for-tests",
                null,
                "INBOX",
                "Sent",
                EmailSettings.Processed.flag(),
                List.of("ward-5"),
                null,
                EmailSettings.Attachments.metadataOnly(),
                DataSize.ofMegabytes(25),
                java.time.Duration.ofSeconds(30),
                true,
                List.of());
    }

    static EmailSettings.Mailbox mailbox() {
        return mailbox("feedback@trust.nhs.uk", 1143, 1025);
    }
}
