package org.heard.desk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

    static final List<Chart.Series> SENTIMENT = List.of(
            new Chart.Series("Negative", Chart.Look.RED_HATCHED), new Chart.Series("Positive", Chart.Look.BLUE_SOLID));

    @Test
    void aChartIsOneNamedImageWhoseBarsCarryTheirNumberAndTheFigureTheyDrillDownTo() {
        String svg = Chart.stackedColumns(
                "weeks",
                "Mentions by week",
                "3 mentions over 1 week",
                List.of("2 Mar"),
                SENTIMENT,
                List.of(List.of(new Chart.Bar(2.0, "2", 0), new Chart.Bar(1.0, "1", 1))));

        assertThat(svg)
                .startsWith("<svg")
                .contains("role=\"img\"")
                .contains("aria-labelledby=\"weeks-title weeks-desc\"")
                .contains("<title id=\"weeks-title\">Mentions by week</title>")
                .contains("<desc id=\"weeks-desc\">3 mentions over 1 week</desc>")
                .contains("data-drill=\"0\"")
                .contains("data-drill=\"1\"")
                .contains("<title>2 Mar · Negative: 2</title>");
    }

    @Test
    void colourIsNeverAloneEverySeriesHasAPatternOrIsTheSolidOneAndIsNamedInTheLegend() {
        String svg = Chart.stackedColumns(
                "weeks",
                "t",
                "s",
                List.of("2 Mar"),
                SENTIMENT,
                List.of(List.of(new Chart.Bar(2.0, "2", 0), new Chart.Bar(1.0, "1", 1))));

        assertThat(svg)
                .contains("<pattern id=\"weeks-red_hatched\"")
                .contains("fill=\"url(#weeks-red_hatched)\"")
                .contains(">Negative</text>")
                .contains(">Positive</text>");
    }

    @Test
    void textInAChartIsNeverMarkup() {
        String svg = Chart.groupedBars(
                "c",
                "<script>",
                "\"quoted\" & more",
                List.of("Ward <b>7</b>"),
                List.of(new Chart.Series("Median", Chart.Look.BLUE_SOLID)),
                List.of(List.of(new Chart.Bar(60.0, "1 min", -1))),
                Double::toString);

        assertThat(svg)
                .doesNotContain("<script>")
                .doesNotContain("<b>")
                .contains("&lt;script&gt;")
                .contains("&quot;quoted&quot; &amp; more")
                .contains("Ward &lt;b&gt;7&lt;/b&gt;")
                .doesNotContain("data-drill");
    }

    @Test
    void theScaleEndsAtARoundNumber() {
        assertThat(Chart.niceCeiling(0)).isEqualTo(1);
        assertThat(Chart.niceCeiling(7)).isEqualTo(10);
        assertThat(Chart.niceCeiling(13)).isEqualTo(20);
        assertThat(Chart.niceCeiling(420)).isEqualTo(500);
    }
}
