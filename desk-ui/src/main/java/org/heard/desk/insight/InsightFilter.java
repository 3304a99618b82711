package org.heard.desk.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.mentions.MentionQuery;

/**
 * Which mentions the figures are about: published from {@code from} to {@code to} (whole days, UTC,
 * both included), optionally one service and one channel.
 */
public record InsightFilter(LocalDate from, LocalDate to, String service, Channel channel) {

    public InsightFilter {
        if (from != null && to != null && to.isBefore(from)) {
            var earlier = to;
            to = from;
            from = earlier;
        }
        service = service == null || service.isBlank() ? null : service.strip();
    }

    /** The last {@code days} days up to and including {@code today}. */
    public static InsightFilter lastDays(LocalDate today, int days) {
        return new InsightFilter(today.minusDays(days - 1L), today, null, null);
    }

    MentionQuery toQuery() {
        Instant fromInstant =
                from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant before =
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new MentionQuery(
                null,
                channel == null ? null : Set.of(channel),
                service == null ? null : Set.of(service),
                null,
                null,
                null,
                null,
                fromInstant,
                before,
                null);
    }
}
