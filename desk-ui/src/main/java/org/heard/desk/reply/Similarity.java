package org.heard.desk.reply;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Near-duplicate text: Jaccard similarity of word 3-shingles, after lower-casing and dropping
 * punctuation, so a changed name or a full stop does not hide a template.
 */
final class Similarity {

    private Similarity() {}

    static Set<String> shingles(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s]", " ")
                .strip()
                .split("\\s+"));
        var shingles = new HashSet<String>();
        if (words.size() < 3) {
            shingles.add(String.join(" ", words));
            return shingles;
        }
        for (int i = 0; i + 3 <= words.size(); i++) {
            shingles.add(words.get(i) + " " + words.get(i + 1) + " " + words.get(i + 2));
        }
        return shingles;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        var intersection = new HashSet<>(a);
        intersection.retainAll(b);
        int union = a.size() + b.size() - intersection.size();
        return (double) intersection.size() / union;
    }
}
