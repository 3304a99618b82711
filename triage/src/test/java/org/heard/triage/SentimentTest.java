package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;

class SentimentTest {

    private static Sentiment sentiment(String text) {
        return SharedTriage.get().triage(TriageInput.of("t", text, Channel.EMAIL)).sentiment();
    }

    @Test
    void readsPatientPraiseThatAMovieReviewModelMisreadsAsPositive() {
        Sentiment sentiment = sentiment("The nurses couldn't have done more for us.");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.POSITIVE);
        assertThat(sentiment.score()).isPositive();
    }

    @Test
    void readsComplaintsAsNegativeWithEvidence() {
        Sentiment sentiment = sentiment("Staff were rude and nobody told us anything. We waited six hours.");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(sentiment.score()).isNegative();
        assertThat(sentiment.evidence()).isNotEmpty();
    }

    @Test
    void anEmptyTextIsNeutral() {
        Sentiment sentiment = sentiment("  ");
        assertThat(sentiment.label()).isEqualTo(Sentiment.Label.NEUTRAL);
        assertThat(sentiment.score()).isZero();
    }
}
