package org.heard.contracts;

/**
 * One sentence of a mention's text as triage scored it: where it is ([start, end) in UTF-16 chars
 * of the text, as for {@link PersonalData}), how it reads, and how strongly. The desk highlights
 * the sentences that drove a tag; a reader that does not know this field ignores it.
 */
public record ScoredSentence(int start, int end, Sentiment.Label label, double score) {

    public ScoredSentence {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad span [" + start + ", " + end + ")");
        }
        if (score < -1 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("Sentence score must be in [-1, 1]: " + score);
        }
    }
}
