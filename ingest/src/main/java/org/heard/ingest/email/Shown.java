package org.heard.ingest.email;

/**
 * Text from outside as staff will see it: control characters (NUL, escape, the C1 range, a lone
 * carriage return) are dropped, line breaks and tabs kept, and the length capped, so a hostile email
 * can neither smuggle terminal or layout tricks onto the desk nor grow a mention without bound.
 */
final class Shown {

    private Shown() {}

    /** Multi-line text: keeps {@code \n} and {@code \t}, turns CRLF and CR into {@code \n}. */
    static String text(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    out.append('\n');
                }
            } else if (c == '\n' || c == '\t' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One line (a subject, a name): line breaks and tabs become spaces, other control characters go. */
    static String line(String text) {
        return text == null ? null : text(text).replace('\n', ' ').replace('\t', ' ');
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String capped(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f);
    }
}
