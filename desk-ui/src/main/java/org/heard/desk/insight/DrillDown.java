package org.heard.desk.insight;

import java.time.LocalDate;
import org.heard.contracts.Channel;

/**
 * The mentions behind one figure: a slice (a channel, a service, a week — each optional) and which of
 * its mentions the figure counted.
 *
 * @param value the urgency level for {@link Subset#OPEN}, the sentiment label for {@link Subset#SENTIMENT},
 *     the change for {@link Subset#CHANGE}; otherwise null
 */
public record DrillDown(Channel channel, String service, LocalDate week, Subset subset, String value) {

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

    static DrillDown of(Subset subset) {
        return new DrillDown(null, null, null, subset, null);
    }

    /** What a person reads above the list. */
    public String title() {
        String what = switch (subset) {
            case MENTIONS -> "All mentions";
            case REPLIED -> "Mentions answered, slowest first reply first";
            case OPEN -> "Open mentions of " + value + " urgency";
            case SENTIMENT -> "Mentions with " + value + " sentiment";
            case COPY_PASTE -> "Mentions with a reply sent despite a copy-paste warning";
            case DEFLECTION -> "Mentions with a reply sent despite a deflection warning";
            case CHANGE -> "Mentions that led to a change " + value;
        };
        var slice = new StringBuilder(what);
        if (channel != null) {
            slice.append(" · channel ").append(channel.wire());
        }
        if (service != null) {
            slice.append(" · service ").append(service);
        }
        if (week != null) {
            slice.append(" · week of ").append(week);
        }
        return slice.toString();
    }
}
