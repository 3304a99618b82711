package org.heard.desk.reply;

import java.util.regex.Pattern;

/**
 * X's weighted length (twitter-text v3 rules): most Latin, punctuation and general symbols count 1,
 * everything else (CJK, emoji) counts 2, and every URL counts 23 whatever its length. The X
 * channel's own helper replaces this once it is on main.
 */
final class TweetLength {

    static final int LIMIT = 280;
    private static final int URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s]+|\\bwww\\.[^\\s]+");

    private TweetLength() {}

    static int of(String text) {
        var urls = URL.matcher(text);
        int weight = 0;
        int last = 0;
        while (urls.find()) {
            weight += codePoints(text.substring(last, urls.start())) + URL_WEIGHT;
            last = urls.end();
        }
        return weight + codePoints(text.substring(last));
    }

    private static int codePoints(String text) {
        String normalized = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        return normalized.codePoints().map(TweetLength::weight).sum();
    }

    private static int weight(int codePoint) {
        boolean light = (codePoint >= 0 && codePoint <= 4351)
                || (codePoint >= 8192 && codePoint <= 8205)
                || (codePoint >= 8208 && codePoint <= 8223)
                || (codePoint >= 8242 && codePoint <= 8247);
        return light ? 1 : 2;
    }
}
