package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedReplyTrimmerTest {

    @Test
    void cutsAGmailStyleQuoteWrappedOverTwoLines() {
        String text = "Yes, Tuesday is fine.\n\nOn Mon, 3 Nov 2025 at 09:14, Ward 5 Feedback\n<ward5@trust.nhs.uk> wrote:\n> old";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo("Yes, Tuesday is fine.");
    }

    @Test
    void cutsAnOutlookHeaderBlock() {
        String text = "Thanks for calling.\n\n________________________________\nFrom: Ward 5\nSent: 03 November 2025 09:14\nTo: me";

        assertThat(QuotedReplyTrimmer.trim(text)).isEqualTo("Thanks for calling.");
    }

    @Test
    void cutsAnOriginalMessageMarker() {
        assertThat(QuotedReplyTrimmer.trim("Fine.\n-----Original Message-----\nFrom: x")).isEqualTo("Fine.");
    }

    @Test
    void cutsTheSignatureAndDeviceFooter() {
        assertThat(QuotedReplyTrimmer.trim("See you then.\n-- \nJo Bloggs\n07700 900123")).isEqualTo("See you then.");
        assertThat(QuotedReplyTrimmer.trim("See you then.\n\nSent from my iPhone")).isEqualTo("See you then.");
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
}
