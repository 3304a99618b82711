package org.heard.ingest.reliability;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Emails written to break an email reader (issue #16's list), each with a Message-ID to find what it became. */
final class HostileEmails {

    private static final Map<String, String> SIZES = new LinkedHashMap<>();

    private HostileEmails() {}

    static String messageId(String run, String name) {
        return "<hostile-" + run + "-" + name + "@attacker.example>";
    }

    static String sizeOf(String name) {
        return SIZES.getOrDefault(name, "?");
    }

    static Map<String, byte[]> all(String run, String mailbox) {
        var emails = new LinkedHashMap<String, byte[]>();
        add(
                emails,
                run,
                mailbox,
                "malformed-mime",
                "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\n"
                        + "A multipart whose boundary never comes: the words are all there is.\r\n");
        add(emails, run, mailbox, "unparseable-content-type", "Content-Type: ;;;===\"\r\n\r\nThe ward was lovely.\r\n");
        add(
                emails,
                run,
                mailbox,
                "unknown-charset",
                "Content-Type: text/plain; charset=\"x-no-such-charset-42\"\r\n\r\n"
                        + "Plain ASCII in a charset nobody knows.\r\n");
        add(
                emails,
                run,
                mailbox,
                "odd-charsets",
                "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=\"utf-7\"\r\n\r\nHi +AKM-1 for the caf+AOk-\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=\"iso-2022-jp\"\r\n\r\n\u001b$B$3$s$K$A$O\u001b(B\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=\"windows-1252\"\r\n\r\nThe nurses were \u0093wonderful\u0094.\r\n--b--\r\n");
        add(
                emails,
                run,
                mailbox,
                "bad-base64",
                "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe readable part.\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + "VGhlIGZvb2Qgd2FzIGNvbGQu!!!*** not base64 ===== ==\r\n--b--\r\n");
        add(
                emails,
                run,
                mailbox,
                "nul-bytes",
                "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Line\u0000 one\u0000\u0000 with NULs\u0007\u001b[2J and escapes.\r\n");
        add(
                emails,
                run,
                mailbox,
                "hostile-html",
                "Content-Type: text/html; charset=utf-8\r\n\r\n"
                        + "<html><head><script>alert(1)</script><style>*{}</style></head><body onload=steal()>"
                        + "<p>Hello <img src=x onerror=alert(2)><b>ward</b></p>" + "<div>\r\n".repeat(50_000) + "deep"
                        + "</div>\r\n".repeat(50_000) + "<a href=\"javascript:alert(3)\">click</a></body></html>\r\n");
        add(
                emails,
                run,
                mailbox,
                "subject-100k-chars",
                "Content-Type: text/plain\r\n\r\nA very long subject.\r\n",
                "S".repeat(100_000));
        var quoted = new StringBuilder("My answer is at the bottom.\r\n");
        for (int i = 0; i < 60_000; i++) {
            quoted.append("> ").append(i).append("\r\n");
        }
        add(
                emails,
                run,
                mailbox,
                "quoted-60k-lines",
                "Content-Type: text/plain\r\n\r\n" + quoted + "That was my question.\r\n");
        var nested = new StringBuilder();
        for (int depth = 0; depth < 30; depth++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"n")
                    .append(depth)
                    .append("\"\r\n\r\n--n")
                    .append(depth)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\nDeep inside.\r\n");
        for (int depth = 29; depth >= 0; depth--) {
            nested.append("--n").append(depth).append("--\r\n");
        }
        add(emails, run, mailbox, "nested-30-deep", nested.toString());
        add(emails, run, mailbox, "text-20MB", "Content-Type: text/plain\r\n\r\n" + lines("A long letter. ", 20));
        add(
                emails,
                run,
                mailbox,
                "attachment-27MB",
                "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMy scans are attached, please pass them to Dr Shah.\r\n"
                        + "--b\r\nContent-Type: image/tiff\r\nContent-Disposition: attachment; filename=scans.tiff\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n" + lines("AAAA", 27) + "--b--\r\n");
        add(emails, run, mailbox, "text-only-30MB", "Content-Type: text/plain\r\n\r\n" + lines("x", 30));
        return emails;
    }

    private static void add(Map<String, byte[]> emails, String run, String mailbox, String name, String mime) {
        add(emails, run, mailbox, name, mime, "Hostile " + name);
    }

    private static void add(
            Map<String, byte[]> emails, String run, String mailbox, String name, String mime, String subject) {
        String raw = "From: Attacker <attacker@attacker.example>\r\nTo: " + mailbox + "\r\nSubject: " + folded(subject)
                + "\r\nDate: Mon, 7 Dec 2026 03:00:00 +0000\r\nMessage-ID: " + messageId(run, name)
                + "\r\nMIME-Version: 1.0\r\n" + mime;
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        SIZES.put(
                name, bytes.length >= 1024 * 1024 ? bytes.length / (1024 * 1024) + " MB" : bytes.length / 1024 + " KB");
        emails.put(name, bytes);
    }

    /** A header longer than a line may be is folded, as mail clients do. */
    private static String folded(String value) {
        var out = new StringBuilder();
        for (int i = 0; i < value.length(); i += 900) {
            out.append(i == 0 ? "" : "\r\n ").append(value, i, Math.min(value.length(), i + 900));
        }
        return out.toString();
    }

    /** About {@code megabytes} of lines made of {@code unit}, each within SMTP's line length. */
    private static String lines(String unit, int megabytes) {
        String line = unit.repeat(Math.max(1, 76 / unit.length())) + "\r\n";
        return line.repeat(megabytes * 1024 * 1024 / line.length() + 1);
    }
}
