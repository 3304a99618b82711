package org.heard.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.heard.contracts.Sentiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corrections file a trust retrains on: JSON Lines, each label optional, bad lines reported and skipped. */
class CorrectionsFormatTest {

    @Test
    void readsEachLabelAndReportsTheLinesItCannotUse(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("corrections.jsonl");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "{\"text\": \"The toilets on ward 12 were filthy\", \"channel\": \"email\", \"sentiment\": \"negative\", \"services\": [\"ward-12\"], \"urgency\": \"high\"}",
                        "{\"text\": \"Thank you\", \"sentiment\": \"positive\"}",
                        "{\"text\": \"Lovely staff\", \"urgency\": \"normal\"}",
                        "",
                        "not json",
                        "{\"sentiment\": \"negative\"}",
                        "{\"text\": \"No label here\"}",
                        "{\"text\": \"Odd\", \"sentiment\": \"furious\"}"));
        List<String> problems = new ArrayList<>();
        List<TrainingData.Row> rows = TrainingData.corrections(file, problems);
        assertThat(rows).hasSize(3);
        TrainingData.Row first = rows.getFirst();
        assertThat(first.sentiment()).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(first.services()).containsExactly("ward-12");
        assertThat(first.careful()).isTrue();
        assertThat(first.source()).isEqualTo(TrainingData.CORRECTION_SOURCE);
        assertThat(first.weight()).isEqualTo(TrainingData.CORRECTION_WEIGHT);
        assertThat(rows.get(1).careful()).isNull();
        assertThat(rows.get(2).careful()).isFalse();
        assertThat(problems)
                .hasSize(4)
                .anySatisfy(p -> assertThat(p).startsWith("line 5:"))
                .anySatisfy(p -> assertThat(p).startsWith("line 6:").contains("text"))
                .anySatisfy(p -> assertThat(p).startsWith("line 7:").contains("no label"))
                .anySatisfy(p -> assertThat(p).startsWith("line 8:"));
    }

    @Test
    void holdsBackTheSameRowsOnEveryRun() {
        assertThat(TrainingData.fold("The toilets were filthy", 5))
                .isEqualTo(TrainingData.fold("The toilets were filthy", 5));
        long heldBack = java.util.stream.IntStream.range(0, 1000)
                .filter(i -> TrainingData.fold("text " + i, 5) == 0)
                .count();
        assertThat(heldBack).isBetween(150L, 250L);
    }
}
