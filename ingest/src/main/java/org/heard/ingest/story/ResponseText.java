package org.heard.ingest.story;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How alike a draft and a published response are. Staff paste the draft into the site and may
 * fix a word or two, and the site may change the Markdown or the spacing, so texts are compared
 * as words: Markdown marks, punctuation, case and spacing are dropped, then the Dice coefficient
 * of the word pairs (bigrams) is taken. One changed word in a reply of fifty costs about 0.04.
 */
final class ResponseText {

    private ResponseText() {}

    /** 1 for the same words in the same order, 0 for nothing in common. */
    static double similarity(String draft, String published) {
        List<String> a = words(draft);
        List<String> b = words(published);
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty() ? 1 : 0;
        }
        Map<String, Integer> left = grams(a);
        Map<String, Integer> right = grams(b);
        int shared = 0;
        int total = 0;
        for (var entry : left.entrySet()) {
            shared += Math.min(entry.getValue(), right.getOrDefault(entry.getKey(), 0));
            total += entry.getValue();
        }
        for (int count : right.values()) {
            total += count;
        }
        return 2.0 * shared / total;
    }

    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                // a Markdown link keeps its words, not its address
                .replaceAll("\\]\\([^)]*\\)", " ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return plain.isEmpty() ? List.of() : List.of(plain.split(" "));
    }

    /** Word pairs, or single words for a one-word text. */
    private static Map<String, Integer> grams(List<String> words) {
        Map<String, Integer> grams = new HashMap<>();
        if (words.size() == 1) {
            grams.put(words.getFirst(), 1);
            return grams;
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            grams.merge(words.get(i) + ' ' + words.get(i + 1), 1, Integer::sum);
        }
        return grams;
    }
}
