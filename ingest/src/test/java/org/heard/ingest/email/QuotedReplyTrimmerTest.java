package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class QuotedReplyTrimmerTest {

    @Test
    void cutsAGmailStyleQuoteWrappedOverTwoLines() {
        String text =
                "Yes, Tuesday is fine.\n\nOn Mon, 3 Nov 2025 at 09:14, Ward 5 Feedback\n<ward5@trust.nhs.uk> wrote:\n> old";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo("Yes, Tuesday is fine.");
    }

    @Test
    void cutsAnOutlookHeaderBlock() {
        String text =
                "Thanks for calling.\n\n________________________________\nFrom: Ward 5\nSent: 03 November 2025 09:14\nTo: me";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo("Thanks for calling.");
    }

    @Test
    void cutsAnOriginalMessageMarker() {
        assertThat(QuotedReplyTrimmer.trim("Fine.\n-----Original Message-----\nFrom: x"))
                .isEqualTo("Fine.");
    }

    @Test
    void cutsTheSignatureAndDeviceFooter() {
        assertThat(QuotedReplyTrimmer.trim("See you then.\n-- \nJo Bloggs\n07700 900123"))
                .isEqualTo("See you then.");
        assertThat(QuotedReplyTrimmer.trim("See you then.\n\nSent from my iPhone"))
                .isEqualTo("See you then.");
    }

    @Test
    void keepsAnswersWrittenBetweenQuotes() {
        String text = "> Was the ward clean?\nYes, very.\n> Were staff kind?\nMostly.";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo(text);
    }

    @Test
    void keepsTheWholeTextWhenItIsNothingButAQuote() {
        String text = "> forwarded words only\n> nothing else";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo(text);
    }

    @Test
    void keepsAFromLineThatIsPartOfTheStory() {
        String text = "From: the moment we arrived, staff were kind.\nThe food was good.";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo(text);
    }

    /**
     * The email: tens of thousands of short quoted lines that do not run to the end (one
     * line of the patient's after them), so each quoted line used to send the trimmer over every
     * line after it. The work is counted in lines looked at: it must grow with the text, not its square.
     */
    @Test
    void looksAtEachLineOfAHugeQuotedEmailAConstantNumberOfTimes() {
        long small = linesLookedAt(quotedLinesThenAnAnswer(5_000));
        long twice = linesLookedAt(quotedLinesThenAnAnswer(10_000));
        long huge = linesLookedAt(quotedLinesThenAnAnswer(60_000));

        assertThat(twice)
                .as("doubling the lines at most doubles the work (plus a little)")
                .isLessThanOrEqualTo(2 * small + 16);
        assertThat(huge).as("60,000 quoted lines").isLessThanOrEqualTo(3L * 60_001);
    }

    @Test
    void keepsTheAnswerUnderAHugeQuoteAndStillCutsAQuoteThatRunsToTheEnd() {
        String answered = quotedLinesThenAnAnswer(60_000);
        assertThat(QuotedReplyTrimmer.trim(answered)).endsWith("> 59999\nThat was my question.");

        String trailing = "My answer.\n" + "> quoted\n".repeat(60_000);
        assertThat(QuotedReplyTrimmer.trim(trailing)).isEqualTo("My answer.");
    }

    private static String quotedLinesThenAnAnswer(int quoted) {
        var text = new StringBuilder(quoted * 8);
        for (int i = 0; i < quoted; i++) {
            text.append("> ").append(i).append('\n');
        }
        return text.append("That was my question.").toString();
    }

    private static long linesLookedAt(String text) {
        var looks = new LongAdder();
        QuotedReplyTrimmer.trim(text, looks);
        return looks.sum();
    }
}
