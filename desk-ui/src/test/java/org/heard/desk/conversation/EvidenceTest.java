package org.heard.desk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final String TEXT =
            "The nurses were kind. My dad has been on a trolley for 14 hours and his oxygen is 87. Please help.";

    @Test
    void aTagIsExplainedByTheWholeSentenceItsPhraseIsIn() {
        var evidence = Evidence.of(mention(
                TEXT,
                List.of(
                        new ScoredSentence(0, 21, Sentiment.Label.POSITIVE, 0.6),
                        new ScoredSentence(22, 85, Sentiment.Label.NEGATIVE, -0.8),
                        new ScoredSentence(86, 98, Sentiment.Label.NEUTRAL, 0)),
                List.of("is 87", "hours")));

        assertThat(evidence.reasons("urgency"))
                .containsExactly("My dad has been on a trolley for 14 hours and his oxygen is 87.");
        assertThat(evidence.reasons("service:emergency-department"))
                .containsExactly("My dad has been on a trolley for 14 hours and his oxygen is 87.");
    }

    @Test
    void thePiecesAreTheTextWithTheSentenceHighlightedAndThePhrasesMarked() {
        var evidence = Evidence.of(mention(TEXT, List.of(), List.of("is 87")));

        var pieces = evidence.pieces();
        assertThat(pieces.stream().map(Evidence.Piece::text).collect(Collectors.joining()))
                .isEqualTo(TEXT);
        assertThat(pieces)
                .filteredOn(Evidence.Piece::phrase)
                .extracting(Evidence.Piece::text)
                .containsExactly("trolley", "is 87");
        assertThat(pieces.stream()
                        .filter(piece -> piece.kinds().contains(Evidence.Kind.URGENCY))
                        .map(Evidence.Piece::text)
                        .collect(Collectors.joining()))
                .isEqualTo("My dad has been on a trolley for 14 hours and his oxygen is 87. ");
        assertThat(pieces.getFirst().kinds()).isEmpty();
    }

    @Test
    void aPhraseNotInTheTextIsShownAsTriageGaveItAndHighlightsNothing() {
        var evidence = Evidence.of(mention(TEXT, List.of(), List.of("corrected by sam")));

        assertThat(evidence.reasons("urgency")).containsExactly("corrected by sam");
        assertThat(evidence.pieces()).noneMatch(piece -> piece.kinds().contains(Evidence.Kind.URGENCY));
    }

    @Test
    void markupInTheTextStaysTextInThePieces() {
        String hostile = "<script>alert(1)</script> The bell was ignored.";
        var evidence = Evidence.of(mention(hostile, List.of(), List.of("bell")));

        assertThat(evidence.pieces().stream().map(Evidence.Piece::text).collect(Collectors.joining()))
                .isEqualTo(hostile);
    }

    @Test
    void sentenceSpansOutsideTheTextAreIgnored() {
        var evidence = Evidence.of(
                mention("Short.", List.of(new ScoredSentence(0, 400, Sentiment.Label.NEGATIVE, -1)), List.of("Short")));

        assertThat(evidence.reasons("urgency")).containsExactly("Short.");
    }

    private static MentionDocument mention(String text, List<ScoredSentence> sentences, List<String> reasons) {
        var at = Instant.parse("2026-01-05T09:00:00Z");
        return new MentionDocument(
                "m-1",
                "c-1",
                Channel.EMAIL,
                "feedback",
                "x-1",
                null,
                null,
                null,
                text,
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                new Sentiment(Sentiment.Label.NEGATIVE, -0.7, List.of()),
                List.of(new ServiceTag("emergency-department", 0.9, List.of("trolley"))),
                new Urgency(Urgency.Level.IMMEDIATE, reasons),
                0,
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                null,
                sentences);
    }
}
