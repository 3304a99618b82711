package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import org.heard.contracts.PersonalData;
import org.junit.jupiter.api.Test;

/**
 * The personal-data patterns run on whole texts (up to {@link TriageSettings#DEFAULT_MAX_SCANNED_CHARS}),
 * so their work must grow linearly with length whatever the text holds. Counted, not timed: every
 * character the patterns read is counted, at two sizes; linear work doubles, quadratic quadruples.
 */
class PersonalDataScanTest {

    private static final Analysis NOTHING = new Analysis("", List.of());

    /** Characters a scan reads. */
    private static final class Counting implements CharSequence {
        private final String text;
        long reads;

        Counting(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }

    private static long reads(IntFunction<String> adversary, int size) {
        Counting text = new Counting(adversary.apply(size));
        new PersonalDataFinder().find(text, NOTHING);
        return text.reads;
    }

    private static void growsLinearly(IntFunction<String> adversary) {
        long small = reads(adversary, 20_000);
        long large = reads(adversary, 40_000);
        // Doubling the text doubles linear work; quadratic work would quadruple it.
        assertThat((double) large / small).as("work at 40k / work at 20k chars").isLessThan(2.6);
        // And the constant stays small: a few hundred reads per character at most.
        assertThat(large).isLessThan(400L * 40_000);
    }

    @Test
    void aLongRunOfLettersIsScannedInLinearTime() {
        growsLinearly(n -> "a".repeat(n));
    }

    @Test
    void aLongRunOfDigitsIsScannedInLinearTime() {
        growsLinearly(n -> "1".repeat(n));
    }

    @Test
    void manyAtSignsAreScannedInLinearTime() {
        growsLinearly(n -> "a@".repeat(n / 2));
        growsLinearly(n -> "@".repeat(n));
        growsLinearly(n -> "a.b@c.".repeat(n / 6));
    }

    @Test
    void runsOfSpacesDigitsAndDateWordsAreScannedInLinearTime() {
        growsLinearly(n -> "0 ".repeat(n / 2));
        growsLinearly(n -> "born ".repeat(n / 5));
        growsLinearly(n -> "dob 1/".repeat(n / 6));
        growsLinearly(n -> "NG5 ".repeat(n / 4));
    }

    @Test
    void stillFindsAnEmailAtTheEndOfALongRunOfLetters() {
        String text = "x".repeat(30_000) + " write to jo.bloggs@example.co.uk please";
        List<PersonalData> found = new PersonalDataFinder().find(text, NOTHING);
        assertThat(found)
                .extracting(span -> text.substring(span.start(), span.end()))
                .containsExactly("jo.bloggs@example.co.uk");
    }

    @Test
    void anEmailRightAfterALongLocalRunIsNotInvented() {
        String text = "a".repeat(100) + "@example.com";
        assertThat(new PersonalDataFinder().find(text, NOTHING)).isEmpty();
    }
}
