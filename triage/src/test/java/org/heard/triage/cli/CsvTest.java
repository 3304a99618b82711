package org.heard.triage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        List<List<String>> records = Csv.parse("a,b\r\n\"x, \"\"y\"\"\",\"line1\nline2\"\r\n3,\n");
        assertThat(records).containsExactly(List.of("a", "b"), List.of("x, \"y\"", "line1\nline2"), List.of("3", ""));
    }

    @Test
    void scoresAccuracyAndMacroF1() {
        Scores scores = Scores.of(List.of("a", "a", "b", "b"), List.of("a", "b", "b", "b"));
        assertThat(scores.accuracy()).isEqualTo(0.75);
        // a: P 1, R 0.5, F1 2/3; b: P 2/3, R 1, F1 0.8
        assertThat(scores.macroF1()).isCloseTo((2.0 / 3 + 0.8) / 2, org.assertj.core.data.Offset.offset(1e-9));
    }
}
