package org.heard.triage;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.List;

/** What CoreNLP made of one text: sentences of tokens (word, lemma, POS, NER, offsets) and RNTN sentiment. */
record Analysis(String text, List<Sentence> sentences) {

    /**
     * @param rntn the sentiment RNTN's class distribution for the sentence: very negative, negative,
     *     neutral, positive, very positive
     * @param negativeWords how many words the RNTN reads as negative on their own
     * @param positiveWords how many words the RNTN reads as positive on their own
     */
    record Sentence(List<CoreLabel> tokens, double[] rntn, double negativeWords, double positiveWords) {

        /** The RNTN's view as one number in [-1, 1]. */
        double rntnScore() {
            return (-rntn[0] * 2 - rntn[1] + rntn[3] + rntn[4] * 2) / 2;
        }

        String text(int from, int to, String source) {
            int begin = tokens.get(from).beginPosition();
            int end = tokens.get(to - 1).endPosition();
            return source.substring(begin, end);
        }
    }

    int tokenCount() {
        return sentences.stream().mapToInt(sentence -> sentence.tokens().size()).sum();
    }
}
