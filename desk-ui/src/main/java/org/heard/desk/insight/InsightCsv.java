package org.heard.desk.insight;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.heard.contracts.ServiceTag;
import org.heard.mentions.MentionDocument;

/**
 * The dashboard as CSV (RFC 4180, comma, CRLF) for a spreadsheet. What patients wrote goes into it,
 * so a cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return)
 * is prefixed with an apostrophe: it opens as text.
 */
final class InsightCsv {

    private InsightCsv() {}

    static String figures(List<Figure> figures, Names names) {
        var csv = new StringBuilder();
        row(csv, "section", "slice", "measure", "value", "shown", "count", "of");
        for (var figure : figures) {
            row(
                    csv,
                    figure.section().title(),
                    slice(figure, names),
                    figure.measure().label(),
                    figure.value() == null ? "" : String.format(Locale.ROOT, "%.4f", figure.value()),
                    figure.shown(),
                    Long.toString(figure.count()),
                    Long.toString(figure.of()));
        }
        return csv.toString();
    }

    /** What a figure is about, as people call it: a service's name, a channel, a week, an age band. */
    static String slice(Figure figure, Names names) {
        return switch (figure.section()) {
            case CHANNEL -> Names.channel(org.heard.contracts.Channel.fromWire(figure.slice()));
            case SERVICE -> names.service(figure.slice());
            case WEEK, WEEK_SENTIMENT -> "week of " + DrillDown.WEEK.format(java.time.LocalDate.parse(figure.slice()));
            case BACKLOG -> Names.word(figure.slice());
            case BACKLOG_AGE ->
                "waiting " + DrillDown.Waiting.valueOf(figure.slice()).label();
            case SENTIMENT ->
                names.service(figure.drillDown().service()) + " · week of "
                        + DrillDown.WEEK.format(figure.drillDown().week());
            case OVERALL, REPLY_WARNINGS, CHANGES -> "all";
        };
    }

    static String mentions(List<MentionDocument> mentions, Names names) {
        var csv = new StringBuilder();
        row(
                csv,
                "mentionId",
                "publishedAt",
                "channel",
                "services",
                "urgency",
                "sentiment",
                "status",
                "assignee",
                "firstReplyAt",
                "firstResponseSeconds",
                "replies",
                "change",
                "changeBy",
                "author",
                "subject",
                "text");
        for (var mention : mentions) {
            var response = mention.response();
            row(
                    csv,
                    mention.mentionId(),
                    text(mention.publishedAt()),
                    Names.channel(mention.channel()),
                    mention.services() == null
                            ? ""
                            : mention.services().stream()
                                    .map(ServiceTag::serviceId)
                                    .map(names::service)
                                    .collect(Collectors.joining("; ")),
                    mention.urgency() == null
                            ? ""
                            : Names.word(mention.urgency().level().wire()),
                    mention.sentiment() == null
                            ? ""
                            : Names.word(mention.sentiment().label().wire()),
                    Names.status(mention.status()),
                    mention.assignee() == null ? "" : names.staff(mention.assignee()),
                    response == null ? "" : text(response.firstReplyAt()),
                    response == null || response.firstResponseSeconds() == null
                            ? ""
                            : response.firstResponseSeconds().toString(),
                    response == null || response.replyCount() == null
                            ? "0"
                            : response.replyCount().toString(),
                    response == null || response.change() == null
                            ? ""
                            : Names.word(response.change().wire()),
                    response == null || response.changeBy() == null ? "" : names.staff(response.changeBy()),
                    mention.author() == null ? "" : mention.author().label(),
                    mention.subject(),
                    mention.text());
        }
        return csv.toString();
    }

    /** One cell: neutralised if a spreadsheet would evaluate it, quoted if it holds a comma, quote or line break. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }
}
