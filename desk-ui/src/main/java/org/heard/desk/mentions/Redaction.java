package org.heard.desk.mentions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A text with some of its spans replaced by placeholders ("[name]"), and the way back from an
 * offset in the original to the same place in the result, so spans other stages recorded on the
 * original (sentences, personal data) still point at the right words.
 */
final class Redaction {

    /** A span [start, end) of the original and what stands in its place. */
    record Span(int start, int end, String placeholder) {}

    private final String text;
    private final List<Span> replaced;
    private final List<Integer> newStarts;

    private Redaction(String text, List<Span> replaced, List<Integer> newStarts) {
        this.text = text;
        this.replaced = replaced;
        this.newStarts = newStarts;
    }

    /** Replaces the spans; overlapping or touching spans become one, with the first one's placeholder. */
    static Redaction of(String original, List<Span> spans) {
        var sorted = spans.stream()
                .filter(span -> span.start() >= 0 && span.end() <= original.length() && span.start() < span.end())
                .sorted(Comparator.comparingInt(Span::start)
                        .thenComparing(Comparator.comparingInt(Span::end).reversed()))
                .toList();
        var merged = new ArrayList<Span>();
        for (var span : sorted) {
            var last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && span.start() <= last.end()) {
                merged.set(
                        merged.size() - 1,
                        new Span(last.start(), Math.max(last.end(), span.end()), last.placeholder()));
            } else {
                merged.add(span);
            }
        }
        var result = new StringBuilder(original.length());
        var newStarts = new ArrayList<Integer>(merged.size());
        int at = 0;
        for (var span : merged) {
            result.append(original, at, span.start());
            newStarts.add(result.length());
            result.append(span.placeholder());
            at = span.end();
        }
        result.append(original, at, original.length());
        return new Redaction(result.toString(), List.copyOf(merged), List.copyOf(newStarts));
    }

    String text() {
        return text;
    }

    /** Where a span starting at {@code offset} of the original starts now (at a placeholder's start if inside one). */
    int start(int offset) {
        return map(offset, false);
    }

    /** Where a span ending at {@code offset} of the original ends now (at a placeholder's end if inside one). */
    int end(int offset) {
        return map(offset, true);
    }

    private int map(int offset, boolean end) {
        int shift = 0;
        for (int i = 0; i < replaced.size(); i++) {
            var span = replaced.get(i);
            if (offset <= span.start()) {
                break;
            }
            int placeholderEnd = newStarts.get(i) + span.placeholder().length();
            if (offset < span.end()) {
                return end ? placeholderEnd : newStarts.get(i);
            }
            shift = placeholderEnd - span.end();
        }
        return Math.min(text.length(), Math.max(0, offset + shift));
    }
}
