package org.heard.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void theMessagesWrittenForHeardShipWithTriageAndTeachSentimentOnly() throws Exception {
        var rows = TrainingData.messages(Set.of());
        assertThat(rows).hasSize(1_500);
        Map<Sentiment.Label, Long> labels =
                rows.stream().collect(Collectors.groupingBy(TrainingData.Row::sentiment, Collectors.counting()));
        // As counted in the README beside the files.
        assertThat(labels)
                .containsEntry(Sentiment.Label.NEGATIVE, 640L)
                .containsEntry(Sentiment.Label.NEUTRAL, 490L)
                .containsEntry(Sentiment.Label.POSITIVE, 370L);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.source()).isEqualTo(TrainingData.MESSAGES_SOURCE);
            assertThat(row.services()).isEmpty();
            assertThat(row.careful()).isNull();
            assertThat(row.text().length()).isBetween(1, 280);
        });
        assertThat(rows.stream().map(TrainingData.Row::group).distinct()).hasSize(1_500);
    }

    @Test
    void aMessageThatIsAlsoInAnEvaluationFileIsLeftOut() throws Exception {
        var all = TrainingData.messages(Set.of());
        String first = all.getFirst().text();
        var rows = TrainingData.messages(Set.of(Datasets.comparable(first)));
        assertThat(rows).hasSize(1_499);
        assertThat(rows.stream().map(TrainingData.Row::text)).doesNotContain(first);
        assertThat(rows.stream().collect(Collectors.toMap(TrainingData.Row::text, Function.identity())))
                .hasSize(1_499);
    }
}
