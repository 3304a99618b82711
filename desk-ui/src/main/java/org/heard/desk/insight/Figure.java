package org.heard.desk.insight;

import java.time.Duration;
import java.util.Locale;

/**
 * One number on the dashboard, with the mentions behind it.
 *
 * @param slice what the number is about within its section: a channel, a service, a week ("all" overall)
 * @param value a share in [0, 1], a number of seconds or a count, as the measure says; null when there
 *     is nothing to measure (no reply yet, so no time to first response)
 * @param count what was counted: mentions replied to, open mentions, flagged replies
 * @param of out of how many (mentions, or replies for the warning shares); 0 for plain counts
 */
public record Figure(
        Section section, String slice, Measure measure, Double value, long count, long of, DrillDown drillDown) {

    public enum Section {
        OVERALL("All mentions"),
        CHANNEL("By channel"),
        SERVICE("By service"),
        WEEK("By week"),
        WEEK_SENTIMENT("Mentions and sentiment by week"),
        BACKLOG("Backlog by urgency (open mentions)"),
        BACKLOG_AGE("Backlog by how long people have waited"),
        SENTIMENT("Sentiment by service and week"),
        REPLY_WARNINGS("Replies sent despite a warning"),
        CHANGES("Changes planned and made");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Measure {
        RESPONSE_RATE("Response rate"),
        MEDIAN_FIRST_RESPONSE("Time to first response, median"),
        P90_FIRST_RESPONSE("Time to first response, 90th percentile"),
        OPEN("Open"),
        OPEN_IMMEDIATE("Immediate"),
        OPEN_HIGH("High"),
        OPEN_NORMAL("Normal"),
        NEGATIVE("Negative"),
        NEUTRAL("Neutral"),
        POSITIVE("Positive"),
        COPY_PASTE_SHARE("Copy-paste"),
        DEFLECTION_SHARE("Deflection"),
        CHANGE_PLANNED("Change planned"),
        CHANGE_MADE("Change made");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean isShare() {
            return this == RESPONSE_RATE || this == COPY_PASTE_SHARE || this == DEFLECTION_SHARE;
        }

        boolean isDuration() {
            return this == MEDIAN_FIRST_RESPONSE || this == P90_FIRST_RESPONSE;
        }
    }

    /** The number as a person reads it: "62% (31 of 50)", "2 h 5 min", "12". */
    public String shown() {
        if (measure.isShare()) {
            if (of == 0) {
                return "–";
            }
            return String.format(
                    Locale.ROOT,
                    "%.0f%% (%d of %d%s)",
                    value * 100,
                    count,
                    of,
                    measure == Measure.RESPONSE_RATE ? "" : " replies");
        }
        if (measure.isDuration()) {
            return value == null ? "–" : duration(Math.round(value));
        }
        return Long.toString(count);
    }

    static String duration(long seconds) {
        var time = Duration.ofSeconds(seconds);
        if (time.toDays() > 0) {
            return time.toDays() + " d " + time.toHoursPart() + " h";
        }
        if (time.toHours() > 0) {
            return time.toHours() + " h " + time.toMinutesPart() + " min";
        }
        if (time.toMinutes() > 0) {
            return time.toMinutes() + " min";
        }
        return seconds + " s";
    }
}
