package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;

/**
 * What the models made of one text: CoreNLP's sentences of tokens (word, lemma, POS, NER, offsets),
 * the sentiment RNTN's view of each, and each sentence's embedding.
 */
record Analysis(String text, List<Sentence> sentences) {

    /**
     * @param rntn the sentiment RNTN's class distribution for the sentence: very negative, negative,
     *     neutral, positive, very positive
     * @param negativeWords how many words the RNTN reads as negative on their own
     * @param positiveWords how many words the RNTN reads as positive on their own
     * @param embedding the sentence's unit-length embedding ({@link Embedder})
     */
    record Sentence(
            List<CoreLabel> tokens, double[] rntn, double negativeWords, double positiveWords, float[] embedding) {

        /** The RNTN's view as one number in [-1, 1]. */
        double rntnScore() {
            return (-rntn[0] * 2 - rntn[1] + rntn[3] + rntn[4] * 2) / 2;
        }

        String text(int from, int to, String source) {
            int begin = tokens.get(from).beginPosition();
            int end = tokens.get(to - 1).endPosition();
            return source.substring(begin, end);
        }

        /** Where the sentence starts in the text (UTF-16 offset). */
        int start() {
            return tokens.getFirst().beginPosition();
        }

        /** Where the sentence ends in the text (exclusive). */
        int end() {
            return tokens.getLast().endPosition();
        }

        String text(String source) {
            return source.substring(start(), end());
        }
    }

    int tokenCount() {
        return sentences.stream().mapToInt(sentence -> sentence.tokens().size()).sum();
    }

    /** The same text seen as one of its sentences alone, for scoring sentence by sentence. */
    Analysis only(Sentence sentence) {
        return new Analysis(text, List.of(sentence));
    }
}
