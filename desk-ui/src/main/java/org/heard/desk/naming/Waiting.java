package org.heard.desk.naming;

import java.time.Duration;
import java.time.Instant;

/** How long a person has waited, as staff say it. */
public final class Waiting {

    private Waiting() {}

    public static String since(Instant publishedAt, Instant now) {
        if (publishedAt == null) {
            return "";
        }
        var waited = Duration.between(publishedAt, now);
        if (waited.toDays() > 0) {
            return waited.toDays() + " d " + waited.toHoursPart() + " h";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + " h " + waited.toMinutesPart() + " min";
        }
        return Math.max(0, waited.toMinutes()) + " min";
    }
}
