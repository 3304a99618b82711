package org.heard.desk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ServiceTag;
import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.junit.jupiter.api.Test;

class InsightCsvTest {

    static final Names NAMES = new Names(id -> "ward-7".equals(id) ? "Ward 7" : null, Map.of("sam", "Sam Patel"));

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaOpensAsText() {
        assertThat(InsightCsv.cell("=HYPERLINK(\"http://evil.example\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
        assertThat(InsightCsv.cell("+44 7700 900123")).isEqualTo("'+44 7700 900123");
        assertThat(InsightCsv.cell("-1")).isEqualTo("'-1");
        assertThat(InsightCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(InsightCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(InsightCsv.cell("Ward 7 = lovely")).isEqualTo("Ward 7 = lovely");
    }

    @Test
    void commasQuotesAndLineBreaksStayInsideTheirCell() {
        assertThat(InsightCsv.cell("cold, hungry")).isEqualTo("\"cold, hungry\"");
        assertThat(InsightCsv.cell("she said \"wait\"")).isEqualTo("\"she said \"\"wait\"\"\"");
        assertThat(InsightCsv.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
        assertThat(InsightCsv.cell(null)).isEmpty();
    }

    @Test
    void theFiguresTableHasOneRowPerFigureWithTheNumberAndHowItReads() {
        var figures = List.of(
                new Figure(
                        Section.CHANNEL,
                        "email",
                        Measure.RESPONSE_RATE,
                        0.5,
                        1,
                        2,
                        DrillDown.of(DrillDown.Subset.MENTIONS)),
                new Figure(
                        Section.CHANNEL,
                        "email",
                        Measure.MEDIAN_FIRST_RESPONSE,
                        5400.0,
                        1,
                        2,
                        DrillDown.of(DrillDown.Subset.REPLIED)),
                new Figure(
                        Section.SERVICE,
                        "ward-7",
                        Measure.RESPONSE_RATE,
                        1.0,
                        2,
                        2,
                        DrillDown.of(DrillDown.Subset.MENTIONS)),
                new Figure(
                        Section.WEEK,
                        "2026-03-02",
                        Measure.RESPONSE_RATE,
                        1.0,
                        2,
                        2,
                        DrillDown.of(DrillDown.Subset.MENTIONS)));

        assertThat(InsightCsv.figures(figures, NAMES))
                .isEqualTo("section,slice,measure,value,shown,count,of\r\n"
                        + "By channel,Email,Response rate,0.5000,50% (1 of 2),1,2\r\n"
                        + "By channel,Email,\"Time to first response, median\",5400.0000,1 h 30 min,1,2\r\n"
                        + "By service,Ward 7,Response rate,1.0000,100% (2 of 2),2,2\r\n"
                        + "By week,week of 2 Mar 2026,Response rate,1.0000,100% (2 of 2),2,2\r\n");
    }

    @Test
    void theMentionListCarriesWhatThePatientWroteAsText() {
        var at = Instant.parse("2026-03-02T09:00:00Z");
        var mention = new MentionDocument(
                "m-1",
                "c-1",
                Channel.EMAIL,
                "feedback",
                "x",
                null,
                new Author("a", null, "=cmd|' /C calc'!A0"),
                "-2+3",
                "Cold, and @nobody came",
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                List.of(),
                "test",
                at,
                null,
                null,
                null,
                new MentionResponse(
                        at.plusSeconds(600),
                        600L,
                        1,
                        List.of("r1"),
                        Set.of(),
                        List.of(),
                        List.of(),
                        MentionResponse.Change.MADE,
                        at,
                        "sam"));

        var lines = InsightCsv.mentions(List.of(mention), NAMES).split("\r\n");

        assertThat(lines[0]).startsWith("mentionId,publishedAt,channel");
        assertThat(lines[1])
                .isEqualTo(
                        "m-1,2026-03-02T09:00:00Z,Email,,,,New,,2026-03-02T09:10:00Z,600,1,Made,Sam Patel,'=cmd|' /C calc'!A0,'-2+3,"
                                + "\"Cold, and @nobody came\"");
    }

    @Test
    void servicesStaffAndStatusesAreNamedNotNumbered() {
        var at = Instant.parse("2026-03-02T09:00:00Z");
        var mention = new MentionDocument(
                "m-2",
                "c-2",
                Channel.TWITTER,
                "@trust",
                "x",
                null,
                null,
                null,
                "Kind nurses",
                at,
                at,
                List.of(),
                Set.of(),
                Map.of(),
                null,
                List.of(new ServiceTag("ward-7", 0.9, List.of()), new ServiceTag("gone-ward", 0.5, List.of())),
                null,
                null,
                List.of(),
                "test",
                at,
                MentionStatus.WAITING_FOR_PATIENT,
                "sam",
                null,
                null);

        var row = InsightCsv.mentions(List.of(mention), NAMES).split("\r\n")[1];

        assertThat(row)
                .startsWith(
                        "m-2,2026-03-02T09:00:00Z,X (Twitter),Ward 7; gone-ward,,,Waiting for the patient,Sam Patel,");
    }
}
