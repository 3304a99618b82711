package org.heard.desk.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.heard.contracts.Channel;

/**
 * The mentions behind one figure: a slice (a channel, a service, a week, how long open mentions have
 * waited — each optional) and which of its mentions the figure counted.
 *
 * @param value the urgency level for {@link Subset#OPEN}, the sentiment label for {@link Subset#SENTIMENT},
 *     the change for {@link Subset#CHANGE}; otherwise null
 * @param waiting for {@link Subset#OPEN}: only those waiting this long; null for any
 */
public record DrillDown(Channel channel, String service, LocalDate week, Subset subset, String value, Waiting waiting) {

    static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public DrillDown(Channel channel, String service, LocalDate week, Subset subset, String value) {
        this(channel, service, week, subset, value, null);
    }

    public enum Subset {
        /** Every mention of the slice (behind a response rate). */
        MENTIONS,
        /** Mentions with a personal reply, slowest first (behind a time to first response). */
        REPLIED,
        /** Mentions not yet replied to or closed, of one urgency. */
        OPEN,
        SENTIMENT,
        /** Mentions with a reply sent despite a copy-paste warning. */
        COPY_PASTE,
        /** Mentions with a reply sent despite a deflection warning. */
        DEFLECTION,
        CHANGE
    }

    /** How long an open mention has waited since the patient wrote: the backlog's age bands. */
    public enum Waiting {
        UNDER_A_DAY("under a day", Duration.ZERO, Duration.ofDays(1)),
        ONE_TO_THREE_DAYS("1–3 days", Duration.ofDays(1), Duration.ofDays(3)),
        THREE_TO_SEVEN_DAYS("3–7 days", Duration.ofDays(3), Duration.ofDays(7)),
        ONE_TO_FOUR_WEEKS("1–4 weeks", Duration.ofDays(7), Duration.ofDays(28)),
        OVER_FOUR_WEEKS("over 4 weeks", Duration.ofDays(28), null);

        private final String label;
        private final Duration atLeast;
        private final Duration under;

        Waiting(String label, Duration atLeast, Duration under) {
            this.label = label;
            this.atLeast = atLeast;
            this.under = under;
        }

        public String label() {
            return label;
        }

        /** Waited at least this long; published at or before now minus it. */
        Duration atLeast() {
            return atLeast;
        }

        /** Waited less than this long; null for no bound. */
        Duration under() {
            return under;
        }
    }

    static DrillDown of(Subset subset) {
        return new DrillDown(null, null, null, subset, null);
    }

    /** What a person reads above the list. */
    public String title(Names names) {
        String what = switch (subset) {
            case MENTIONS -> "All mentions";
            case REPLIED -> "Mentions answered, slowest first reply first";
            case OPEN ->
                "Open mentions of " + value + " urgency" + (waiting == null ? "" : ", waiting " + waiting.label());
            case SENTIMENT -> "Mentions with " + value + " sentiment";
            case COPY_PASTE -> "Mentions with a reply sent despite a copy-paste warning";
            case DEFLECTION -> "Mentions with a reply sent despite a deflection warning";
            case CHANGE -> "Mentions that led to a change " + value;
        };
        var slice = new StringBuilder(what);
        if (channel != null) {
            slice.append(" · ").append(Names.channel(channel));
        }
        if (service != null) {
            slice.append(" · ").append(names.service(service));
        }
        if (week != null) {
            slice.append(" · week of ").append(WEEK.format(week));
        }
        return slice.toString();
    }
}
