package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseTextTest {

    private static final String DRAFT =
            "Thank you for your kind words about the maternity team. I have passed your thanks to the "
                    + "midwives on Rose ward, who were delighted to read your story. We wish you and your family all the best.";

    @Test
    void findsTheSameWordsAlikeWhateverTheMarkdownCaseAndSpacing() {
        String published =
                "**Thank you** for your kind words about the _maternity team_.\n\nI have passed your thanks to the "
                        + "[midwives](https://example.org/rose) on ROSE ward,   who were delighted to read your story! We wish you "
                        + "and your family all the best.";

        assertThat(ResponseText.similarity(DRAFT, published)).isEqualTo(1.0);
    }

    @Test
    void findsADraftWithAWordChangedStillAlike() {
        String edited = DRAFT.replace("delighted", "thrilled");

        assertThat(ResponseText.similarity(DRAFT, edited)).isBetween(0.9, 0.99);
    }

    @Test
    void findsADifferentResponseUnlike() {
        String other =
                "Hello, I am the matron for the emergency department. Please call me so we can talk about your visit.";

        assertThat(ResponseText.similarity(DRAFT, other)).isLessThan(0.2);
    }

    @Test
    void findsTheSameWordsInAnotherOrderUnlike() {
        String shuffled = "the all best family your and you wish we story your read to delighted were who ward rose on "
                + "midwives the to thanks your passed have i team maternity the about words kind your for you thank";

        assertThat(ResponseText.similarity(DRAFT, shuffled)).isLessThan(0.2);
    }
}
