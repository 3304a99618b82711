package org.heard.desk.alerts;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * One person's alerts and digest, with their services resolved.
 *
 * @param services null for every service
 */
record Subscription(
        String username, String email, Set<String> services, boolean immediate, AlertSettings.Subscriber settings) {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** A digest's period: mentions published in [from, before), sent at {@code before}. */
    record DigestPeriod(String key, Instant from, Instant before) {}

    boolean covers(Collection<String> serviceIds) {
        return services == null || serviceIds.stream().anyMatch(services::contains);
    }

    /** During quiet hours (UK time) a person gets no alert email and is skipped by escalation. */
    boolean quietAt(Instant instant) {
        LocalTime start = settings.quietFrom();
        LocalTime end = settings.quietTo();
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        LocalTime now = instant.atZone(UK).toLocalTime();
        return start.isBefore(end)
                ? !now.isBefore(start) && now.isBefore(end)
                : !now.isBefore(start) || now.isBefore(end);
    }

    /** The latest digest that was due at or before now, if the person has digests. */
    Optional<DigestPeriod> latestDigest(Instant now) {
        ZonedDateTime local = now.atZone(UK);
        ZonedDateTime due;
        ZonedDateTime previous;
        switch (settings.digest()) {
            case DAILY -> {
                due = local.with(settings.digestAt());
                if (due.isAfter(local)) {
                    due = due.minusDays(1);
                }
                previous = due.minusDays(1);
            }
            case WEEKLY -> {
                due = local.with(TemporalAdjusters.previousOrSame(settings.digestDay()))
                        .with(settings.digestAt());
                if (due.isAfter(local)) {
                    due = due.minusWeeks(1);
                }
                previous = due.minusWeeks(1);
            }
            default -> {
                return Optional.empty();
            }
        }
        String key = "digest-" + settings.digest().name().toLowerCase(java.util.Locale.ROOT) + "-" + due.toLocalDate();
        return Optional.of(new DigestPeriod(key, previous.toInstant(), due.toInstant()));
    }
}
