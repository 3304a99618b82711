package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;

class SentimentTest {

    private static Sentiment sentiment(String text) {
        return SharedTriage.get()
                .triage(TriageInput.of("t", text, Channel.EMAIL))
                .sentiment();
    }

    @Test
    void readsPatientPraiseThatAMovieReviewModelMisreadsAsPositive() {
        Sentiment sentiment = sentiment("The nurses couldn't have done more for us.");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(sentiment.score()).isPositive();
    }

    @Test
    void someoneAtRiskFromThemselvesNowNeverReadsAsPositive() {
        String text = "I can't keep myself safe tonight. I have been under the mental health team for a year.";
        Sentiment sentiment = sentiment(text);
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(sentiment.score()).isLessThanOrEqualTo(-0.5);
        assertThat(sentiment.evidence()).containsExactly("I can't keep myself safe tonight.");
        assertThat(sentiment("My son says he wants to end it all and the crisis line is engaged")
                        .label())
                .isEqualTo(Sentiment.Label.NEGATIVE);
        // Thanks for care during a crisis that is over is still thanks.
        assertThat(sentiment("Thank you to the crisis team who kept me safe last year when I felt suicidal")
                        .label())
                .isEqualTo(Sentiment.Label.POSITIVE);
    }

    @Test
    void readsComplaintsAsNegativeWithEvidence() {
        Sentiment sentiment = sentiment("Staff were rude and nobody told us anything. We waited six hours.");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(sentiment.score()).isNegative();
        assertThat(sentiment.evidence()).isNotEmpty();
    }

    @Test
    void aColdDirtyWardReadsAsNegativeWithThatSentenceAsEvidence() {
        String text = "The waiting room on ward 5 was freezing and the toilets were dirty.";
        Sentiment sentiment = sentiment(text);
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(sentiment.evidence()).containsExactly(text);
    }

    @Test
    void scoresEverySentenceAndShowsTheOnesThatDroveTheLabel() {
        String text =
                "Nobody came when I rang the bell and I was left in pain all night. The nurse in the morning was lovely and so kind to me.";
        TriageResult result = SharedTriage.get().triage(TriageInput.of("t", text, Channel.EMAIL));
        assertThat(result.sentences()).hasSize(2);
        assertThat(text.substring(
                        result.sentences().get(0).start(),
                        result.sentences().get(0).end()))
                .isEqualTo("Nobody came when I rang the bell and I was left in pain all night.");
        assertThat(result.sentences().get(0).label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(result.sentences().get(1).label()).isEqualTo(Sentiment.Label.POSITIVE);
        // Evidence is whole sentences of the text, so the desk can highlight them.
        assertThat(result.sentiment().evidence())
                .isNotEmpty()
                .allSatisfy(sentence -> assertThat(text).contains(sentence));
    }

    @Test
    void anEmptyTextIsNeutral() {
        Sentiment sentiment = sentiment("  ");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(sentiment.score()).isZero();
    }
}
