package org.heard.desk.conversation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.heard.contracts.ScoredSentence;
import org.heard.mentions.MentionDocument;

/**
 * Which sentences of a mention drove its tags, found from triage's evidence (phrases that are verbatim
 * substrings of the text) and its sentence scores (offsets into the text). A tag whose phrases lie in
 * a sentence is explained by the whole sentence, which is what a person reads; the phrase itself is
 * marked inside it. Plain positions only: the page sets every piece as text.
 */
final class Evidence {

    /** What a highlighted stretch of text explains. */
    enum Kind {
        URGENCY,
        SENTIMENT,
        SERVICE
    }

    /**
     * A stretch of the text and what it explains.
     *
     * @param kinds the tags whose sentences include it (empty: plain text)
     * @param phrase whether it is one of triage's phrases itself
     */
    record Piece(String text, Set<Kind> kinds, boolean phrase) {}

    /** A tag's reasons: the sentences behind it, as they read in the text. */
    record Reasons(Kind kind, String label, List<String> sentences) {}

    private static final int MAX_PHRASES = 40;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\\s\"')]*|\\n\\s*\\n|\\n");

    private final String text;
    private final List<int[]> sentenceSpans;
    private final Map<Kind, TreeSet<Integer>> sentencesByKind = new LinkedHashMap<>();
    private final List<int[]> phraseSpans = new ArrayList<>();
    private final Map<String, List<String>> reasonsByTag = new LinkedHashMap<>();

    private Evidence(String text, List<ScoredSentence> scored) {
        this.text = text == null ? "" : text;
        this.sentenceSpans = sentences(this.text, scored);
    }

    /** The evidence of a mention's tags in its text. */
    static Evidence of(MentionDocument mention) {
        var evidence = new Evidence(mention.text(), mention.sentences());
        if (mention.urgency() != null) {
            evidence.explain(Kind.URGENCY, "urgency", mention.urgency().reasons());
        }
        if (mention.sentiment() != null) {
            evidence.explain(Kind.SENTIMENT, "sentiment", mention.sentiment().evidence());
        }
        if (mention.services() != null) {
            for (var service : mention.services()) {
                evidence.explain(Kind.SERVICE, "service:" + service.serviceId(), service.evidence());
            }
        }
        return evidence;
    }

    /** The sentences behind a tag ({@code urgency}, {@code sentiment}, {@code service:<id>}), in text order; empty when none was found. */
    List<String> reasons(String tag) {
        return reasonsByTag.getOrDefault(tag, List.of());
    }

    /** The text cut where a highlight starts or ends. Concatenated, the pieces are the text. */
    List<Piece> pieces() {
        var cuts = new TreeSet<Integer>(List.of(0, text.length()));
        sentencesByKind
                .values()
                .forEach(indexes -> indexes.forEach(i -> {
                    cuts.add(sentenceSpans.get(i)[0]);
                    cuts.add(sentenceSpans.get(i)[1]);
                }));
        phraseSpans.forEach(span -> {
            cuts.add(span[0]);
            cuts.add(span[1]);
        });
        var pieces = new ArrayList<Piece>();
        Integer start = null;
        for (int cut : cuts) {
            if (start != null && cut > start) {
                pieces.add(new Piece(text.substring(start, cut), kindsAt(start), phraseAt(start)));
            }
            start = cut;
        }
        return pieces;
    }

    private void explain(Kind kind, String tag, List<String> phrases) {
        if (phrases == null || phrases.isEmpty()) {
            return;
        }
        var found = new TreeSet<Integer>();
        var unplaced = new ArrayList<String>();
        for (String phrase : phrases.subList(0, Math.min(phrases.size(), MAX_PHRASES))) {
            int[] span = locate(phrase);
            if (span == null) {
                unplaced.add(phrase);
                continue;
            }
            phraseSpans.add(span);
            for (int i = 0; i < sentenceSpans.size(); i++) {
                int[] sentence = sentenceSpans.get(i);
                if (span[0] < sentence[1] && span[1] > sentence[0]) {
                    found.add(i);
                }
            }
        }
        sentencesByKind.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(found);
        var reasons = new ArrayList<String>();
        found.forEach(i -> reasons.add(
                text.substring(sentenceSpans.get(i)[0], sentenceSpans.get(i)[1]).strip()));
        // A phrase that is not in the text (a tag written before evidence was verbatim): shown as triage gave it.
        reasons.addAll(unplaced);
        reasonsByTag.put(tag, List.copyOf(reasons));
    }

    /** Where a phrase is: verbatim first, then ignoring case; null when it is not in the text. */
    private int[] locate(String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return null;
        }
        int at = text.indexOf(phrase);
        if (at < 0) {
            at = text.toLowerCase(Locale.ROOT).indexOf(phrase.toLowerCase(Locale.ROOT));
        }
        return at < 0 ? null : new int[] {at, at + phrase.length()};
    }

    private Set<Kind> kindsAt(int position) {
        var kinds = EnumSet.noneOf(Kind.class);
        sentencesByKind.forEach((kind, indexes) -> {
            for (int i : indexes) {
                if (sentenceSpans.get(i)[0] <= position
                        && position < sentenceSpans.get(i)[1]) {
                    kinds.add(kind);
                }
            }
        });
        return kinds;
    }

    private boolean phraseAt(int position) {
        return phraseSpans.stream().anyMatch(span -> span[0] <= position && position < span[1]);
    }

    /**
     * Triage's sentences when it gave them (checked against the text: a span outside it is dropped),
     * otherwise the text cut at sentence ends and line breaks.
     */
    private static List<int[]> sentences(String text, List<ScoredSentence> scored) {
        var spans = new ArrayList<int[]>();
        if (scored != null && !scored.isEmpty()) {
            for (var sentence : scored) {
                if (sentence.end() <= text.length() && sentence.start() < sentence.end()) {
                    spans.add(new int[] {sentence.start(), sentence.end()});
                }
            }
            if (!spans.isEmpty()) {
                return spans;
            }
        }
        var matcher = SENTENCE_END.matcher(text);
        int start = 0;
        while (matcher.find()) {
            if (matcher.end() > start) {
                spans.add(new int[] {start, matcher.end()});
                start = matcher.end();
            }
        }
        if (start < text.length()) {
            spans.add(new int[] {start, text.length()});
        }
        return spans;
    }
}
