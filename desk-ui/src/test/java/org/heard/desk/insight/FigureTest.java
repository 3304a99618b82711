package org.heard.desk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.junit.jupiter.api.Test;

class FigureTest {

    private static final DrillDown ANY = DrillDown.of(DrillDown.Subset.MENTIONS);

    @Test
    void aShareReadsAsAPercentageWithWhatItIsOf() {
        assertThat(new Figure(Section.OVERALL, "all", Measure.RESPONSE_RATE, 2.0 / 3, 2, 3, ANY).shown())
                .isEqualTo("67% (2 of 3)");
        assertThat(new Figure(Section.REPLY_WARNINGS, "all", Measure.COPY_PASTE_SHARE, 0.25, 1, 4, ANY).shown())
                .isEqualTo("25% (1 of 4 replies)");
        assertThat(new Figure(Section.OVERALL, "all", Measure.RESPONSE_RATE, null, 0, 0, ANY).shown())
                .isEqualTo("–");
    }

    @Test
    void aTimeReadsInTheLargestUnitsThatFit() {
        assertThat(Figure.duration(45)).isEqualTo("45 s");
        assertThat(Figure.duration(600)).isEqualTo("10 min");
        assertThat(Figure.duration(44_100)).isEqualTo("12 h 15 min");
        assertThat(Figure.duration(2 * 86_400 + 3 * 3600 + 59)).isEqualTo("2 d 3 h");
        assertThat(new Figure(Section.OVERALL, "all", Measure.P90_FIRST_RESPONSE, null, 0, 3, ANY).shown())
                .isEqualTo("–");
    }

    @Test
    void aDrillDownSaysWhichMentionsItLists() {
        var drill = new DrillDown(
                org.heard.contracts.Channel.EMAIL,
                "ward-7",
                java.time.LocalDate.parse("2026-03-02"),
                DrillDown.Subset.OPEN,
                "high");

        assertThat(drill.title(new Names(id -> "ward-7".equals(id) ? "Ward 7" : null, java.util.Map.of())))
                .isEqualTo("Open mentions of high urgency · Email · Ward 7 · week of 2 Mar 2026");
        var waiting = new DrillDown(
                null, null, null, DrillDown.Subset.OPEN, "immediate", DrillDown.Waiting.ONE_TO_THREE_DAYS);
        assertThat(waiting.title(Names.idsOnly())).isEqualTo("Open mentions of immediate urgency, waiting 1–3 days");
    }
}
