package org.heard.desk.insight;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.heard.contracts.Channel;
import org.heard.desk.mentions.DeskScope;

/**
 * The weekly trend's closed weeks, kept in memory for {@link #KEPT}. A closed week is over and lies
 * wholly in the range asked for: its mentions no longer change, only how they were answered can
 * (a late reply, a status), so its figures may be up to {@link #KEPT} behind; the current week and
 * the partial weeks at the ends of a range are always searched. Per scope and filter, since a
 * manager's weeks are not everyone's.
 */
final class ClosedWeeks {

    static final Duration KEPT = Duration.ofMinutes(10);
    /** Weeks kept at most (a year is 52 per scope and filter); the oldest go first. */
    static final int MOST = 20_000;

    record Key(Set<String> scope, String service, Channel channel, LocalDate week) {}

    private record Kept(List<Figure> figures, Instant at) {}

    /**
     * What one dashboard needs: the weeks at hand, and those to search.
     *
     * @param everything the range is open-ended: search it all, keep nothing
     * @param toKeep the weeks searched that may be kept afterwards
     */
    record Plan(boolean everything, List<Figure> kept, List<LocalDate> toSearch, Set<LocalDate> toKeep, Key prefix) {

        /** The weeks to search, as ranges of publication time (one per run of consecutive weeks). */
        List<Query> rangesToSearch() {
            var ranges = new ArrayList<Query>();
            LocalDate runStart = null;
            LocalDate previous = null;
            for (var week : toSearch) {
                if (runStart != null && !week.equals(previous.plusWeeks(1))) {
                    ranges.add(range(runStart, previous));
                    runStart = null;
                }
                if (runStart == null) {
                    runStart = week;
                }
                previous = week;
            }
            if (runStart != null) {
                ranges.add(range(runStart, previous));
            }
            return List.of(Query.of(q -> q.bool(b -> b.should(ranges).minimumShouldMatch("1"))));
        }

        private static Query range(LocalDate first, LocalDate last) {
            return ResponseInsight.published(
                    first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    last.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    private final Map<Key, Kept> weeks = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MOST;
        }
    };

    synchronized Plan plan(DeskScope scope, InsightFilter filter, Instant now) {
        var prefix = new Key(
                scope.everything() ? null : new TreeSet<>(scope.services()), filter.service(), filter.channel(), null);
        if (filter.from() == null || filter.to() == null) {
            return new Plan(true, List.of(), List.of(), Set.of(), prefix);
        }
        var thisWeek = monday(now.atZone(ZoneOffset.UTC).toLocalDate());
        var kept = new ArrayList<Figure>();
        var toSearch = new ArrayList<LocalDate>();
        var toKeep = new TreeSet<LocalDate>();
        for (var week = monday(filter.from()); !week.isAfter(filter.to()); week = week.plusWeeks(1)) {
            boolean whole = !week.isBefore(filter.from()) && !week.plusDays(6).isAfter(filter.to());
            boolean closed = week.isBefore(thisWeek);
            if (!whole || !closed) {
                toSearch.add(week);
                continue;
            }
            var found = weeks.get(at(prefix, week));
            if (found != null && found.at().plus(KEPT).isAfter(now)) {
                kept.addAll(found.figures());
            } else {
                toSearch.add(week);
                toKeep.add(week);
            }
        }
        return new Plan(false, kept, toSearch, toKeep, prefix);
    }

    /** Keeps the closed weeks just searched, those without mentions too (nothing to search next time). */
    synchronized void keep(Plan plan, List<Figure> searched, Instant at) {
        for (var week : plan.toKeep()) {
            String slice = week.toString();
            weeks.put(
                    at(plan.prefix(), week),
                    new Kept(
                            searched.stream()
                                    .filter(figure -> figure.slice().equals(slice))
                                    .toList(),
                            at));
        }
    }

    synchronized int size() {
        return weeks.size();
    }

    private static Key at(Key prefix, LocalDate week) {
        return new Key(prefix.scope(), prefix.service(), prefix.channel(), week);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
