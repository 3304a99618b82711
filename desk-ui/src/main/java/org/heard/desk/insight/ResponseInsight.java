package org.heard.desk.insight;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.insight.DrillDown.Subset;
import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.heard.desk.mentions.DeskScope;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionQueries;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.heard.platform.search.Store;

/**
 * The dashboard's figures as aggregations over the mention index, and the mentions behind each
 * figure. The scope always comes from the server, never from the page.
 *
 * <p>A year of mentions is a lot to aggregate, so the page's figures are two searches run side by
 * side — the headline (overall, by channel and service, the backlog, reply warnings, changes) and
 * the weekly trend — and the weekly trend keeps each closed week (over, and wholly in the range)
 * for {@link ClosedWeeks#KEPT}: a year's view aggregates only the weeks it has not seen lately. The
 * largest table, sentiment by service and week, is asked for on demand.
 */
public class ResponseInsight {

    /** Elasticsearch's default result window: a drill-down lists (and exports) at most this many. */
    public static final int DRILL_DOWN_LIMIT = 10_000;
    /** Open = not replied to and not closed; a mention without a status was never touched. */
    static final List<MentionStatus> OPEN_STATUSES =
            List.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS, MentionStatus.WAITING_FOR_PATIENT);

    private static final int MAX_SERVICES = 1_000;

    private final ElasticsearchClient client;
    private final InboxQueries queries;
    private final ClosedWeeks closedWeeks;
    private final Clock clock;
    private final ExecutorService searches = Executors.newVirtualThreadPerTaskExecutor();

    public ResponseInsight(ElasticsearchClient client, InboxQueries queries, Clock clock) {
        this.client = client;
        this.queries = queries;
        this.clock = clock;
        this.closedWeeks = new ClosedWeeks();
    }

    /** Without a person (tests, the benchmark): figures in a scope given by the caller, by the system clock. */
    public ResponseInsight(ElasticsearchClient client, InboxQueries queries) {
        this(client, queries, Clock.systemUTC());
    }

    /** Every figure, sentiment by service and week included: what the figures CSV holds. */
    public List<Figure> figures(StaffUser user, InsightFilter filter) {
        return figures(queries.scopeOf(user), filter);
    }

    /** What the page shows at once: the headline and the weekly trend. */
    public List<Figure> dashboard(StaffUser user, InsightFilter filter) {
        return dashboard(queries.scopeOf(user), filter);
    }

    /** Sentiment by service and week, the largest table, for a person who asks for it. */
    public List<Figure> sentimentByServiceAndWeek(StaffUser user, InsightFilter filter) {
        return sentimentByServiceAndWeek(queries.scopeOf(user), filter);
    }

    /** The mentions behind a figure, as the person may read them (authors masked for the shielded). */
    public DrillDownPage drillDown(StaffUser user, InsightFilter filter, DrillDown drill, int from, int size) {
        var page = drillDown(queries.scopeOf(user), filter, drill, from, size);
        return new DrillDownPage(queries.shown(user, page.mentions()), page.total());
    }

    /** The mentions behind one figure, a page at a time, with how many there are in all. */
    public record DrillDownPage(List<MentionDocument> mentions, long total) {}

    public List<Figure> figures(DeskScope scope, InsightFilter filter) {
        var all = new ArrayList<Figure>(dashboard(scope, filter));
        all.addAll(sentimentByServiceAndWeek(scope, filter));
        return List.copyOf(all);
    }

    /** The headline and the weekly trend, searched side by side. */
    public List<Figure> dashboard(DeskScope scope, InsightFilter filter) {
        var now = clock.instant();
        var weekly = CompletableFuture.supplyAsync(() -> weeks(scope, filter, now), searches);
        var figures = new ArrayList<Figure>(headline(scope, filter, now));
        figures.addAll(joined(weekly));
        return List.copyOf(figures);
    }

    /**
     * The headline in two searches side by side (each aggregation costs a pass over every mention in
     * range, and one search runs on one thread of Elasticsearch's).
     */
    List<Figure> headline(DeskScope scope, InsightFilter filter, Instant now) {
        var all = headlineAggregations(servicesShown(scope, filter), now);
        var second = new LinkedHashMap<String, Aggregation>();
        for (String name : List.of("byService", "open")) {
            second.put(name, all.remove(name));
        }
        var bySlice = CompletableFuture.supplyAsync(() -> search(base(scope, filter), second), searches);
        var first = search(base(scope, filter), all);
        var merged = new LinkedHashMap<String, Aggregate>(first.aggregations());
        merged.putAll(joined(bySlice).aggregations());
        return toHeadline(first.total(), merged);
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** The weekly trend: closed weeks seen lately come from memory, the others from one search. */
    List<Figure> weeks(DeskScope scope, InsightFilter filter, Instant now) {
        var plan = closedWeeks.plan(scope, filter, now);
        var found = new ArrayList<Figure>(plan.kept());
        if (!plan.toSearch().isEmpty() || plan.everything()) {
            var query = plan.everything()
                    ? base(scope, filter)
                    : Query.of(q -> q.bool(b -> b.filter(base(scope, filter)).filter(plan.rangesToSearch())));
            var response = search(query, Map.of("byWeek", weekAggregation()));
            var searched = toWeeks(response.aggregations());
            closedWeeks.keep(plan, searched, now);
            found.addAll(searched);
        }
        found.sort(Comparator.comparing(Figure::section).thenComparing(Figure::slice));
        return List.copyOf(found);
    }

    public List<Figure> sentimentByServiceAndWeek(DeskScope scope, InsightFilter filter) {
        var include = servicesShown(scope, filter);
        var response = search(
                base(scope, filter),
                Map.of(
                        "byService",
                        Aggregation.of(a -> a.terms(services(include))
                                .aggregations(
                                        "weeks",
                                        weekly(
                                                Aggregation.of(s -> s.terms(t -> t.field("sentiment.label")
                                                        .size(Sentiment.Label.values().length))),
                                                "sentiment")))));
        var figures = new ArrayList<Figure>();
        for (StringTermsBucket service :
                response.aggregations().get("byService").sterms().buckets().array()) {
            for (var week : service.aggregations()
                    .get("weeks")
                    .dateHistogram()
                    .buckets()
                    .array()) {
                var labels = counts(
                        week.aggregations().get("sentiment").sterms().buckets().array());
                String slice = service.key().stringValue() + " · " + week(week);
                for (var label : Sentiment.Label.values()) {
                    long count = labels.getOrDefault(label.wire(), 0L);
                    figures.add(new Figure(
                            Section.SENTIMENT,
                            slice,
                            Measure.valueOf(label.name()),
                            (double) count,
                            count,
                            week.docCount(),
                            new DrillDown(
                                    null, service.key().stringValue(), week(week), Subset.SENTIMENT, label.wire())));
                }
            }
        }
        return List.copyOf(figures);
    }

    private record Searched(long total, Map<String, Aggregate> aggregations) {}

    private Searched search(Query query, Map<String, Aggregation> aggregations) {
        var response = Store.call(() -> client.search(
                search -> search.index(MentionIndexSchema.ALIAS)
                        .size(0)
                        .trackTotalHits(total -> total.enabled(true))
                        .query(query)
                        .aggregations(aggregations),
                Void.class));
        return new Searched(
                response.hits().total() == null ? 0 : response.hits().total().value(), response.aggregations());
    }

    /** The mentions behind a figure within a scope the caller already worked out. */
    public DrillDownPage drillDown(DeskScope scope, InsightFilter filter, DrillDown drill, int from, int size) {
        int first = Math.max(0, Math.min(from, DRILL_DOWN_LIMIT));
        int count = Math.max(0, Math.min(size, DRILL_DOWN_LIMIT - first));
        var query = Query.of(q -> q.bool(b -> b.filter(base(scope, filter)).filter(narrowing(drill, clock.instant()))));
        var response = Store.call(() -> client.search(
                search -> {
                    search.index(MentionIndexSchema.ALIAS)
                            .query(query)
                            .from(first)
                            .size(count)
                            .trackTotalHits(total -> total.enabled(true));
                    if (drill.subset() == Subset.REPLIED) {
                        search.sort(sort -> sort.field(field ->
                                field.field("response.firstResponseSeconds").order(SortOrder.Desc)));
                    }
                    return search.sort(sort -> sort.field(
                                    field -> field.field("publishedAt").order(SortOrder.Desc)))
                            .sort(sort ->
                                    sort.field(field -> field.field("mentionId").order(SortOrder.Asc)));
                },
                MentionDocument.class));
        var mentions = response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
        long total = response.hits().total() == null
                ? mentions.size()
                : response.hits().total().value();
        return new DrillDownPage(mentions, total);
    }

    static Query base(DeskScope scope, InsightFilter filter) {
        // The scope is set here, whatever the filter asked: a manager cannot widen it.
        return MentionQueries.toQuery(filter.toQuery().within(scope.services()));
    }

    /** The services a by-service figure may name: a mention tagged with one of mine and another's shows only mine. */
    private static List<String> servicesShown(DeskScope scope, InsightFilter filter) {
        if (filter.service() != null) {
            return List.of(filter.service());
        }
        return scope.everything() ? null : scope.services().stream().sorted().toList();
    }

    static Query narrowing(DrillDown drill, Instant now) {
        var filters = new ArrayList<Query>();
        if (drill.channel() != null) {
            filters.add(term("channel", drill.channel().wire()));
        }
        if (drill.service() != null) {
            filters.add(term("services.serviceId", drill.service()));
        }
        if (drill.week() != null) {
            var start = drill.week().atStartOfDay(ZoneOffset.UTC).toInstant();
            var end = drill.week().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            filters.add(published(start, end));
        }
        if (drill.waiting() != null) {
            var waiting = drill.waiting();
            filters.add(published(
                    waiting.under() == null ? null : now.minus(waiting.under()), now.minus(waiting.atLeast())));
        }
        switch (drill.subset()) {
            case MENTIONS -> {}
            case REPLIED -> filters.add(replied());
            case OPEN -> {
                filters.add(open());
                filters.add(term("urgency.level", drill.value()));
            }
            case SENTIMENT -> filters.add(term("sentiment.label", drill.value()));
            case COPY_PASTE -> filters.add(exists("response.copyPasteReplyIds"));
            case DEFLECTION -> filters.add(exists("response.deflectionReplyIds"));
            case CHANGE -> filters.add(term("response.change", drill.value()));
        }
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    /** Published at or after {@code from} (null: any time) and before {@code before}. */
    static Query published(Instant from, Instant before) {
        return Query.of(q -> q.range(r -> r.date(d -> {
            d.field("publishedAt").lt(before.toString());
            return from == null ? d : d.gte(from.toString());
        })));
    }

    private static Query replied() {
        return exists("response.firstReplyAt");
    }

    private static Query open() {
        var statuses = OPEN_STATUSES.stream()
                .map(status -> FieldValue.of(status.wire()))
                .toList();
        return Query.of(q ->
                q.bool(b -> b.should(s -> s.terms(t -> t.field("status").terms(v -> v.value(statuses))))
                        .should(s -> s.bool(none -> none.mustNot(m -> m.exists(e -> e.field("status")))))
                        .minimumShouldMatch("1")));
    }

    private static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static TermsAggregation services(List<String> include) {
        return TermsAggregation.of(t -> {
            t.field("services.serviceId").size(MAX_SERVICES);
            if (include != null && !include.isEmpty()) {
                t.include(i -> i.terms(include));
            }
            return t;
        });
    }

    /** Calendar weeks (Monday to Sunday, UTC) with mentions, each with one sub-aggregation. */
    private static Aggregation weekly(Aggregation per, String name) {
        return Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                        .calendarInterval(CalendarInterval.Week)
                        .minDocCount(1))
                .aggregations(name, per));
    }

    private static Map<String, Aggregation> headlineAggregations(List<String> services, Instant now) {
        var all = new LinkedHashMap<String, Aggregation>(responseAggregations());
        all.put(
                "byChannel",
                Aggregation.of(a -> a.terms(t -> t.field("channel").size(Channel.values().length))
                        .aggregations(responseAggregations())));
        all.put("byService", Aggregation.of(a -> a.terms(services(services)).aggregations(responseAggregations())));
        var urgency = Aggregation.of(u -> u.terms(t -> t.field("urgency.level").size(Urgency.Level.values().length)));
        all.put(
                "open",
                Aggregation.of(a -> a.filter(open())
                        .aggregations("urgency", urgency)
                        .aggregations(
                                "waiting",
                                w -> w.dateRange(r -> {
                                            r.field("publishedAt").keyed(false);
                                            for (var waiting : DrillDown.Waiting.values()) {
                                                r.ranges(range -> {
                                                    range.key(waiting.name())
                                                            .to(FieldDateMath.of(
                                                                    m -> m.value((double) now.minus(waiting.atLeast())
                                                                            .toEpochMilli())));
                                                    return waiting.under() == null
                                                            ? range
                                                            : range.from(FieldDateMath.of(
                                                                    m -> m.value((double) now.minus(waiting.under())
                                                                            .toEpochMilli())));
                                                });
                                            }
                                            return r;
                                        })
                                        .aggregations("urgency", urgency))));
        all.put("replies", Aggregation.of(a -> a.valueCount(v -> v.field("response.replyIds"))));
        all.put("copyPaste", Aggregation.of(a -> a.valueCount(v -> v.field("response.copyPasteReplyIds"))));
        all.put("deflection", Aggregation.of(a -> a.valueCount(v -> v.field("response.deflectionReplyIds"))));
        all.put(
                "changes",
                Aggregation.of(
                        a -> a.terms(t -> t.field("response.change").size(MentionResponse.Change.values().length))));
        return all;
    }

    private static Aggregation weekAggregation() {
        var perWeek = new LinkedHashMap<String, Aggregation>(responseAggregations());
        perWeek.put(
                "sentiment",
                Aggregation.of(s -> s.terms(t -> t.field("sentiment.label").size(Sentiment.Label.values().length))));
        return Aggregation.of(a -> a.dateHistogram(d -> d.field("publishedAt")
                        .calendarInterval(CalendarInterval.Week)
                        .minDocCount(1))
                .aggregations(perWeek));
    }

    /** Per slice: how many have a reply, and the time to the first one. */
    private static Map<String, Aggregation> responseAggregations() {
        return Map.of(
                "replied", Aggregation.of(a -> a.filter(replied())),
                "firstResponse",
                        Aggregation.of(a -> a.percentiles(p -> p.field("response.firstResponseSeconds")
                                .percents(50.0, 90.0)
                                .keyed(false))));
    }

    static List<Figure> toHeadline(long total, Map<String, Aggregate> aggregations) {
        var figures = new ArrayList<Figure>();
        response(figures, Section.OVERALL, "all", total, aggregations, DrillDown.of(Subset.MENTIONS));
        for (var bucket : aggregations.get("byChannel").sterms().buckets().array()) {
            var channel = Channel.fromWire(bucket.key().stringValue());
            response(
                    figures,
                    Section.CHANNEL,
                    channel.wire(),
                    bucket.docCount(),
                    bucket.aggregations(),
                    new DrillDown(channel, null, null, Subset.MENTIONS, null));
        }
        for (var bucket : aggregations.get("byService").sterms().buckets().array()) {
            String service = bucket.key().stringValue();
            response(
                    figures,
                    Section.SERVICE,
                    service,
                    bucket.docCount(),
                    bucket.aggregations(),
                    new DrillDown(null, service, null, Subset.MENTIONS, null));
        }
        var open = aggregations.get("open").filter();
        var openByLevel =
                counts(open.aggregations().get("urgency").sterms().buckets().array());
        for (var level : Urgency.Level.values()) {
            long count = openByLevel.getOrDefault(level.wire(), 0L);
            figures.add(new Figure(
                    Section.BACKLOG,
                    level.wire(),
                    Measure.OPEN,
                    (double) count,
                    count,
                    0,
                    new DrillDown(null, null, null, Subset.OPEN, level.wire())));
        }
        for (var band : open.aggregations().get("waiting").dateRange().buckets().array()) {
            var waiting = DrillDown.Waiting.valueOf(band.key());
            var byLevel =
                    counts(band.aggregations().get("urgency").sterms().buckets().array());
            for (var level : Urgency.Level.values()) {
                long count = byLevel.getOrDefault(level.wire(), 0L);
                figures.add(new Figure(
                        Section.BACKLOG_AGE,
                        waiting.name(),
                        Measure.valueOf("OPEN_" + level.name()),
                        (double) count,
                        count,
                        band.docCount(),
                        new DrillDown(null, null, null, Subset.OPEN, level.wire(), waiting)));
            }
        }
        long replies = Math.round(aggregations.get("replies").valueCount().value());
        long copies = Math.round(aggregations.get("copyPaste").valueCount().value());
        long deflections =
                Math.round(aggregations.get("deflection").valueCount().value());
        figures.add(share(
                Section.REPLY_WARNINGS, Measure.COPY_PASTE_SHARE, copies, replies, DrillDown.of(Subset.COPY_PASTE)));
        figures.add(share(
                Section.REPLY_WARNINGS,
                Measure.DEFLECTION_SHARE,
                deflections,
                replies,
                DrillDown.of(Subset.DEFLECTION)));
        var changes = counts(aggregations.get("changes").sterms().buckets().array());
        for (var change : MentionResponse.Change.values()) {
            long count = changes.getOrDefault(change.wire(), 0L);
            figures.add(new Figure(
                    Section.CHANGES,
                    "all",
                    change == MentionResponse.Change.MADE ? Measure.CHANGE_MADE : Measure.CHANGE_PLANNED,
                    (double) count,
                    count,
                    0,
                    new DrillDown(null, null, null, Subset.CHANGE, change.wire())));
        }
        return List.copyOf(figures);
    }

    /** Each week's response figures and its mentions by sentiment. */
    static List<Figure> toWeeks(Map<String, Aggregate> aggregations) {
        var figures = new ArrayList<Figure>();
        for (var bucket : aggregations.get("byWeek").dateHistogram().buckets().array()) {
            var week = week(bucket);
            response(
                    figures,
                    Section.WEEK,
                    week.toString(),
                    bucket.docCount(),
                    bucket.aggregations(),
                    new DrillDown(null, null, week, Subset.MENTIONS, null));
            var labels = counts(
                    bucket.aggregations().get("sentiment").sterms().buckets().array());
            for (var label : Sentiment.Label.values()) {
                long count = labels.getOrDefault(label.wire(), 0L);
                figures.add(new Figure(
                        Section.WEEK_SENTIMENT,
                        week.toString(),
                        Measure.valueOf(label.name()),
                        (double) count,
                        count,
                        bucket.docCount(),
                        new DrillDown(null, null, week, Subset.SENTIMENT, label.wire())));
            }
        }
        return figures;
    }

    private static void response(
            List<Figure> figures,
            Section section,
            String slice,
            long mentions,
            Map<String, Aggregate> aggregations,
            DrillDown everything) {
        long replied = aggregations.get("replied").filter().docCount();
        figures.add(share(section, slice, Measure.RESPONSE_RATE, replied, mentions, everything));
        var percentiles = percentiles(aggregations.get("firstResponse"));
        var answered =
                new DrillDown(everything.channel(), everything.service(), everything.week(), Subset.REPLIED, null);
        figures.add(new Figure(
                section,
                slice,
                Measure.MEDIAN_FIRST_RESPONSE,
                replied == 0 ? null : percentiles.get(50.0),
                replied,
                mentions,
                answered));
        figures.add(new Figure(
                section,
                slice,
                Measure.P90_FIRST_RESPONSE,
                replied == 0 ? null : percentiles.get(90.0),
                replied,
                mentions,
                answered));
    }

    private static Figure share(Section section, Measure measure, long count, long of, DrillDown drill) {
        return share(section, "all", measure, count, of, drill);
    }

    private static Figure share(Section section, String slice, Measure measure, long count, long of, DrillDown drill) {
        return new Figure(section, slice, measure, of == 0 ? null : (double) count / of, count, of, drill);
    }

    private static Map<Double, Double> percentiles(Aggregate aggregate) {
        var values = new LinkedHashMap<Double, Double>();
        for (var item : aggregate.tdigestPercentiles().values().array()) {
            if (item.value() != null && !item.value().isNaN()) {
                values.put(item.key(), item.value());
            }
        }
        return values;
    }

    private static Map<String, Long> counts(List<StringTermsBucket> buckets) {
        var counts = new LinkedHashMap<String, Long>();
        for (var bucket : buckets) {
            counts.put(bucket.key().stringValue(), bucket.docCount());
        }
        return counts;
    }

    static LocalDate week(DateHistogramBucket bucket) {
        return Instant.ofEpochMilli(bucket.key()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
