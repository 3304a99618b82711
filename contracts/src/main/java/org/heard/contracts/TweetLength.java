package org.heard.contracts;

import com.twitter.twittertext.TwitterTextParser;

/**
 * How long a text is by X's own counting (twitter-text): URLs count 23 whatever their length,
 * emoji and CJK characters count 2. The desk's composer shows it as the staff member types.
 *
 * @param weightedLength the length X counts
 * @param max the most X accepts in one post
 * @param valid whether X would accept the text (within the limit, not empty, no forbidden characters)
 */
public record TweetLength(int weightedLength, int max, boolean valid) {

    public static final int MAX = 280;

    public static TweetLength of(String text) {
        var result = TwitterTextParser.parseTweet(text == null ? "" : text);
        return new TweetLength(result.weightedLength, MAX, result.isValid);
    }

    /** "312/280 characters (URLs count 23, emoji and CJK 2)": what the composer and a rejection say. */
    public String describe() {
        return weightedLength + "/" + max + " characters (URLs count 23, emoji and CJK 2)";
    }
}
