package org.heard.ingest.email;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Cuts what staff need not read again from an email: the quoted earlier messages under a reply and
 * the sender's signature. The desk shows the trimmed text; the full original is always kept too,
 * because a trimmer that guesses wrong must never lose what the patient wrote.
 */
final class QuotedReplyTrimmer {

    private static final Pattern ON_WROTE = Pattern.compile(
            "^\\s*(On|Am|Le|El)\\s.+(wrote|schrieb|a écrit|escribió)\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_START = Pattern.compile("^\\s*On\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern WROTE_END = Pattern.compile(".*wrote\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL_MESSAGE =
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message)\\s*-{2,}.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?From:\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_SENT_OR_DATE =
            Pattern.compile("^\\s*\\*?(Sent|Date|To|Subject):\\*?\\s.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGNATURE_DASHES = Pattern.compile("^-- ?$");
    private static final Pattern SENT_FROM_DEVICE = Pattern.compile(
            "^\\s*(Sent from my .+|Sent from (Outlook|Mail) for .+|Get Outlook for .+|Sent from Yahoo Mail.*)$",
            Pattern.CASE_INSENSITIVE);

    private QuotedReplyTrimmer() {}

    static String trim(String text) {
        return split(text, new LongAdder()).shown();
    }

    /** @param linesLookedAt counts each look at a line, so a test can tell linear work from quadratic */
    static String trim(String text, LongAdder linesLookedAt) {
        return split(text, linesLookedAt).shown();
    }

    /** What staff are shown, and what was cut from under it (quotes, signature; empty when nothing was). */
    static Trimmed split(String text) {
        return split(text, new LongAdder());
    }

    private static Trimmed split(String text, LongAdder linesLookedAt) {
        if (text == null || text.isBlank()) {
            return new Trimmed("", "");
        }
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        int quotedToTheEnd = quotedToTheEnd(lines, linesLookedAt);
        int cut = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (startsQuoteOrSignature(lines, i, quotedToTheEnd, linesLookedAt)) {
                cut = i;
                break;
            }
        }
        String shown = String.join("\n", lines.subList(0, cut)).strip();
        if (shown.isEmpty()) {
            // A message that is nothing but quotes (a bare forward) is shown whole rather than empty.
            return new Trimmed(text.strip(), "");
        }
        return new Trimmed(
                shown, String.join("\n", lines.subList(cut, lines.size())).strip());
    }

    /** @param cut the quoted earlier messages and the signature under {@code shown}; together they are the whole text */
    record Trimmed(String shown, String cut) {}

    /**
     * Where the block of quoted (or blank) lines that runs to the end begins: found in one pass from
     * the end, so that deciding for each quoted line whether the quote runs on to the end costs
     * nothing (asking that of every quoted line by looking ahead made one big email quadratic).
     */
    private static int quotedToTheEnd(List<String> lines, LongAdder linesLookedAt) {
        int start = lines.size();
        while (start > 0) {
            String line = lines.get(start - 1);
            linesLookedAt.increment();
            if (!line.isBlank() && !line.startsWith(">")) {
                break;
            }
            start--;
        }
        return start;
    }

    private static boolean startsQuoteOrSignature(
            List<String> lines, int i, int quotedToTheEnd, LongAdder linesLookedAt) {
        String line = lines.get(i);
        linesLookedAt.increment();
        if (ON_WROTE.matcher(line).matches()
                || ORIGINAL_MESSAGE.matcher(line).matches()
                || SIGNATURE_DASHES.matcher(line).matches()
                || SENT_FROM_DEVICE.matcher(line).matches()) {
            return true;
        }
        // Clients wrap a long "On <date>, <name> wrote:" over two lines.
        if (i + 1 < lines.size()
                && ON_START.matcher(line).matches()
                && WROTE_END.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        if (OUTLOOK_RULE.matcher(line).matches()
                && i + 1 < lines.size()
                && HEADER_FROM.matcher(lines.get(i + 1)).matches()) {
            return true;
        }
        if (HEADER_FROM.matcher(line).matches()) {
            for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
                if (HEADER_SENT_OR_DATE.matcher(lines.get(j)).matches()) {
                    return true;
                }
            }
        }
        // A block of "> " lines that runs to the end is the quoted thread; inline answers between quotes are kept.
        if (line.startsWith(">")) {
            return i >= quotedToTheEnd;
        }
        return false;
    }
}
