package org.heard.triage.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;

/** What triage reads of an email: the subject (capped) and the text; spans come back relative to the text. */
class CoreNlpTaggerInputTest {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static MentionReceived mention(String subject, String text) {
        return new MentionReceived(
                null,
                Channel.EMAIL,
                "ward7@trust.example",
                "<m1@mail>",
                null,
                null,
                new Author("pat@example.org", null, "Pat"),
                subject,
                text,
                NOW,
                NOW,
                List.of(),
                Set.of(),
                Map.of());
    }

    @Test
    void aHugeSubjectIsReadOnlyUpToTheCap() {
        String text = "The toilets on ward 5 were dirty.";
        MentionReceived mention = mention("x".repeat(100_000), text);
        String read = CoreNlpTagger.input(mention).text();
        assertThat(read)
                .hasSize(CoreNlpTagger.MAX_SUBJECT_CHARS + 2 + text.length())
                .endsWith(text);
    }

    @Test
    void spansAndSentencesComeBackRelativeToTheTextWhateverTheSubjectsLength() {
        String text = "Call me on 07700 900123. Thanks.";
        for (String subject : List.of("Ward 7", "y".repeat(100_000))) {
            MentionReceived mention = mention(subject, text);
            String read = CoreNlpTagger.input(mention).text();
            int phone = read.indexOf("07700");
            int sentence = read.indexOf("Thanks.");
            var spans = CoreNlpTagger.inText(
                    mention, List.of(new PersonalData(PersonalData.Type.PHONE, phone, phone + 12)));
            var sentences = CoreNlpTagger.sentencesInText(
                    mention,
                    List.of(
                            new ScoredSentence(0, 3, Sentiment.Label.NEUTRAL, 0),
                            new ScoredSentence(sentence, sentence + 7, Sentiment.Label.POSITIVE, 0.8)));
            assertThat(text.substring(spans.getFirst().start(), spans.getFirst().end()))
                    .isEqualTo("07700 900123");
            assertThat(sentences)
                    .singleElement()
                    .satisfies(
                            s -> assertThat(text.substring(s.start(), s.end())).isEqualTo("Thanks."));
        }
    }
}
