package org.heard.desk.insight;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.ServiceTag;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;

/**
 * The response dashboard. Charts are SVG drawn by the server ({@link Chart}: no chart library,
 * nothing commercial), each above its table; in the table every figure is a button whose text is
 * the number itself, so a screen reader reads the figure and a click or a key lists the mentions
 * behind it (as does a click on a bar). Services, channels and staff are named, not numbered.
 * Outside text (what patients wrote) is only ever set as text.
 */
@Route("insight")
@PageTitle("Insight · Heard")
@Menu(title = "Insight", order = 20)
@PermitAll
public class InsightView extends VerticalLayout implements BeforeEnterObserver {

    static final int DAYS_SHOWN = 90;
    /** Rows listed on the page; the CSV has up to {@link ResponseInsight#DRILL_DOWN_LIMIT}. */
    static final int DRILL_DOWN_ROWS = 200;

    private static final DateTimeFormatter SHORT_WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final ResponseInsight insight;
    private final Names names;
    private final StaffUser user;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final ComboBox<String> service = new ComboBox<>("Service");
    private final Select<Channel> channel = new Select<>();
    private final VerticalLayout figures = new VerticalLayout();
    private final AuditTrail audit;
    private final VerticalLayout drillDown = new VerticalLayout();

    // Read by download requests, which Vaadin serves outside the UI's lock.
    private volatile InsightFilter filter;
    private volatile DrillDown drill;
    private final List<String> services;
    private boolean loading;

    public InsightView(
            ResponseInsight insight,
            Names names,
            InboxQueries queries,
            ServiceCatalogue catalogue,
            Clock clock,
            AuthenticationContext authentication,
            AuditTrail audit) {
        this.insight = insight;
        this.names = names;
        this.audit = audit;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        setWidthFull();
        var today = LocalDate.now(clock);
        filter = InsightFilter.lastDays(today, DAYS_SHOWN);
        from.setId("filter-from");
        from.setValue(filter.from());
        to.setId("filter-to");
        to.setValue(filter.to());
        service.setId("filter-service");
        service.setClearButtonVisible(true);
        service.setPlaceholder("All my services");
        var scope = queries.scopeOf(user);
        services = scope.everything()
                ? catalogue.services().stream().map(Service::id).sorted().toList()
                : scope.services().stream().sorted().toList();
        service.setItems(services);
        service.setItemLabelGenerator(names::service);
        channel.setLabel("Channel");
        channel.setId("filter-channel");
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption("All channels");
        channel.setItemLabelGenerator(value -> value == null ? "All channels" : Names.channel(value));
        from.addValueChangeListener(event -> refreshWhenChanged());
        to.addValueChangeListener(event -> refreshWhenChanged());
        service.addValueChangeListener(event -> refreshWhenChanged());
        channel.addValueChangeListener(event -> refreshWhenChanged());

        var export = csvLink(
                "Export figures (CSV)",
                "heard-figures.csv",
                () -> InsightCsv.figures(insight.figures(user, filter), names));
        export.setId("figures-csv");
        var filters = new HorizontalLayout(from, to, service, channel, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        figures.setId("figures");
        figures.setPadding(false);
        drillDown.setId("drill-down");
        drillDown.setPadding(false);
        add(
                new H2("Response insight"),
                new Paragraph(
                        scope.everything()
                                ? "Every service. Click a figure to see the mentions behind it."
                                : "Your services only. Click a figure to see the mentions behind it."),
                filters,
                figures,
                drillDown);
    }

    /**
     * A link may carry the filters ({@code insight?from=2026-01-05&to=2026-03-29&service=ward-7&channel=email}),
     * so a view of the figures can be shared; the scope is still the reader's own.
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        loading = true;
        try {
            parameters.getSingleParameter("from").flatMap(InsightView::date).ifPresent(from::setValue);
            parameters.getSingleParameter("to").flatMap(InsightView::date).ifPresent(to::setValue);
            parameters.getSingleParameter("service").filter(services::contains).ifPresent(service::setValue);
            parameters
                    .getSingleParameter("channel")
                    .flatMap(InsightView::channel)
                    .ifPresent(channel::setValue);
        } finally {
            loading = false;
        }
        refresh();
    }

    private void refreshWhenChanged() {
        if (!loading) {
            refresh();
        }
    }

    private static java.util.Optional<LocalDate> date(String text) {
        try {
            return java.util.Optional.of(LocalDate.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.util.Optional<Channel> channel(String text) {
        try {
            return java.util.Optional.of(Channel.fromWire(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private void refresh() {
        filter = new InsightFilter(from.getValue(), to.getValue(), service.getValue(), channel.getValue());
        figures.removeAll();
        drillDown.removeAll();
        drill = null;
        var bySection = new EnumMap<Section, List<Figure>>(Section.class);
        for (var figure : insight.dashboard(user, filter)) {
            bySection
                    .computeIfAbsent(figure.section(), section -> new ArrayList<>())
                    .add(figure);
        }
        var all = bySection.getOrDefault(Section.OVERALL, List.of());
        section(Section.OVERALL, all, null);
        var weeks = bySection.getOrDefault(Section.WEEK_SENTIMENT, List.of());
        section(Section.WEEK_SENTIMENT, weeks, weeks.isEmpty() ? null : sentimentByWeek(weeks));
        section(Section.WEEK, bySection.getOrDefault(Section.WEEK, List.of()), null);
        var channels = bySection.getOrDefault(Section.CHANNEL, List.of());
        section(
                Section.CHANNEL,
                channels,
                channels.isEmpty()
                        ? null
                        : firstResponse("graph-first-response-channel", "Time to first response by channel", channels));
        var byService = bySection.getOrDefault(Section.SERVICE, List.of());
        section(
                Section.SERVICE,
                byService,
                byService.isEmpty()
                        ? null
                        : firstResponse(
                                "graph-first-response-service", "Time to first response by service", byService));
        section(Section.BACKLOG, bySection.getOrDefault(Section.BACKLOG, List.of()), null);
        var ages = bySection.getOrDefault(Section.BACKLOG_AGE, List.of());
        section(Section.BACKLOG_AGE, ages, backlogAge(ages));
        section(Section.REPLY_WARNINGS, bySection.getOrDefault(Section.REPLY_WARNINGS, List.of()), null);
        section(Section.CHANGES, bySection.getOrDefault(Section.CHANGES, List.of()), null);
        var sentiment = new Div();
        sentiment.setId("sentiment-by-service");
        var show = new NativeButton("Show sentiment by service and week", event -> {
            sentiment.removeAll();
            var shown = insight.sentimentByServiceAndWeek(user, filter);
            if (shown.isEmpty()) {
                sentiment.add(new Paragraph("No mentions in this range."));
            } else {
                sentiment.add(chart(Section.SENTIMENT, shown));
            }
        });
        show.setId("show-sentiment-by-service");
        figures.add(new H3(Section.SENTIMENT.title()), show, sentiment);
    }

    private void section(Section section, List<Figure> shown, Component chart) {
        figures.add(new H3(section.title()));
        if (shown.isEmpty()) {
            figures.add(new Paragraph("No mentions in this range."));
            return;
        }
        if (chart != null) {
            figures.add(chart);
        }
        figures.add(chart(section, shown));
    }

    /** Mentions by week, stacked by sentiment: the trend a board paper shows. */
    private Component sentimentByWeek(List<Figure> weeks) {
        var order = List.of(Measure.NEGATIVE, Measure.NEUTRAL, Measure.POSITIVE);
        var series = List.of(
                new Chart.Series("Negative", Chart.Look.RED_HATCHED),
                new Chart.Series("Neutral", Chart.Look.GREY_DOTTED),
                new Chart.Series("Positive", Chart.Look.BLUE_SOLID));
        var bySlice = grouped(weeks);
        var categories = new ArrayList<String>();
        var bars = new ArrayList<List<Chart.Bar>>();
        var drills = new ArrayList<DrillDown>();
        long busiest = -1;
        String busiestWeek = "";
        for (var entry : bySlice.entrySet()) {
            categories.add(SHORT_WEEK.format(LocalDate.parse(entry.getKey())));
            var stack = new ArrayList<Chart.Bar>();
            for (var measure : order) {
                var figure = entry.getValue().get(measure);
                stack.add(bar(figure, drills));
            }
            bars.add(stack);
            long mentions = entry.getValue().values().iterator().next().of();
            if (mentions > busiest) {
                busiest = mentions;
                busiestWeek =
                        InsightCsv.slice(entry.getValue().values().iterator().next(), names);
            }
        }
        long negative = weeks.stream()
                .filter(f -> f.measure() == Measure.NEGATIVE)
                .mapToLong(Figure::count)
                .sum();
        long total = weeks.stream()
                .filter(f -> f.measure() == Measure.NEGATIVE)
                .mapToLong(Figure::of)
                .sum();
        String summary = String.format(
                Locale.UK,
                "%d mentions over %d week%s, %d%% negative; the busiest was the %s, with %d. "
                        + "The table below has every week's figures.",
                total,
                categories.size(),
                categories.size() == 1 ? "" : "s",
                total == 0 ? 0 : Math.round(100.0 * negative / total),
                busiestWeek,
                busiest);
        return svg(
                "graph-week-sentiment",
                Chart.stackedColumns(
                        "graph-week-sentiment-svg",
                        "Mentions by week and sentiment",
                        summary,
                        categories,
                        series,
                        bars),
                drills);
    }

    /** The median and 90th percentile of the time to first response per channel or service, longest last. */
    private Component firstResponse(String id, String title, List<Figure> shown) {
        var series = List.of(
                new Chart.Series("Median", Chart.Look.BLUE_SOLID),
                new Chart.Series("90th percentile", Chart.Look.GREY_HATCHED));
        var bySlice = grouped(shown);
        var categories = new ArrayList<String>();
        var bars = new ArrayList<List<Chart.Bar>>();
        var drills = new ArrayList<DrillDown>();
        String slowest = "";
        double longest = -1;
        for (var entry : bySlice.entrySet()) {
            var median = entry.getValue().get(Measure.MEDIAN_FIRST_RESPONSE);
            var p90 = entry.getValue().get(Measure.P90_FIRST_RESPONSE);
            String name = InsightCsv.slice(median, names);
            categories.add(name);
            bars.add(List.of(bar(median, drills), bar(p90, drills)));
            if (median.value() != null && median.value() > longest) {
                longest = median.value();
                slowest = name;
            }
        }
        String summary = longest < 0
                ? "Nobody has been answered yet. The table below has every figure."
                : "The longest median wait for a first reply is " + slowest + ", "
                        + Figure.duration(Math.round(longest)) + ". The table below has every figure.";
        return svg(
                id,
                Chart.groupedBars(
                        id + "-svg",
                        title,
                        summary,
                        categories,
                        series,
                        bars,
                        seconds -> Figure.duration(Math.round(seconds))),
                drills);
    }

    /** Open mentions by how long they have waited, stacked by urgency. */
    private Component backlogAge(List<Figure> ages) {
        if (ages.isEmpty()) {
            return null;
        }
        var order = List.of(Measure.OPEN_IMMEDIATE, Measure.OPEN_HIGH, Measure.OPEN_NORMAL);
        var series = List.of(
                new Chart.Series("Immediate", Chart.Look.RED_SOLID),
                new Chart.Series("High", Chart.Look.ORANGE_HATCHED),
                new Chart.Series("Normal", Chart.Look.BLUE_DOTTED));
        var categories = new ArrayList<String>();
        var bars = new ArrayList<List<Chart.Bar>>();
        var drills = new ArrayList<DrillDown>();
        long waitingOverAWeek = 0;
        long open = 0;
        for (var entry : grouped(ages).entrySet()) {
            var waiting = DrillDown.Waiting.valueOf(entry.getKey());
            categories.add(waiting.label());
            var stack = new ArrayList<Chart.Bar>();
            for (var measure : order) {
                stack.add(bar(entry.getValue().get(measure), drills));
            }
            bars.add(stack);
            long here = entry.getValue().get(Measure.OPEN_NORMAL).of();
            open += here;
            if (waiting.compareTo(DrillDown.Waiting.ONE_TO_FOUR_WEEKS) >= 0) {
                waitingOverAWeek += here;
            }
        }
        String summary = open + " open mentions, " + waitingOverAWeek
                + " of them waiting a week or more. The table below has every figure.";
        return svg(
                "graph-backlog-age",
                Chart.stackedColumns(
                        "graph-backlog-age-svg",
                        "Open mentions by how long they have waited",
                        summary,
                        categories,
                        series,
                        bars),
                drills);
    }

    private static Chart.Bar bar(Figure figure, List<DrillDown> drills) {
        if (figure == null) {
            return new Chart.Bar(null, "", -1);
        }
        drills.add(figure.drillDown());
        return new Chart.Bar(figure.value(), figure.shown(), drills.size() - 1);
    }

    /** The figures by slice, in the order they came, each slice's by measure. */
    private static LinkedHashMap<String, EnumMap<Measure, Figure>> grouped(List<Figure> shown) {
        var bySlice = new LinkedHashMap<String, EnumMap<Measure, Figure>>();
        for (var figure : shown) {
            bySlice.computeIfAbsent(figure.slice(), slice -> new EnumMap<>(Measure.class))
                    .put(figure.measure(), figure);
        }
        return bySlice;
    }

    /**
     * The chart's SVG in a box; a click on a bar lists the mentions behind it. The bar says which of
     * this chart's figures it is by its place in the list, checked here.
     */
    private Component svg(String id, String markup, List<DrillDown> drills) {
        var box = new Div();
        box.setId(id);
        box.addClassName("chart-box");
        box.getElement().setProperty("innerHTML", markup);
        String chosen =
                "event.target.closest('[data-drill]') ? event.target.closest('[data-drill]').getAttribute('data-drill') : ''";
        box.getElement()
                .addEventListener("click", event -> {
                    var node = event.getEventData().get(chosen);
                    String index = node == null || node.isNull() ? null : node.asString();
                    if (index != null && index.matches("\\d{1,6}")) {
                        int at = Integer.parseInt(index);
                        if (at < drills.size()) {
                            showDrillDown(drills.get(at));
                        }
                    }
                })
                .addEventData(chosen);
        return box;
    }

    /** One table per section: a row per slice, a column per measure, each cell a bar with its number. */
    private Component chart(Section section, List<Figure> shown) {
        var measures = shown.stream().map(Figure::measure).distinct().sorted().toList();
        var largest = new LinkedHashMap<Measure, Double>();
        for (var figure : shown) {
            if (figure.value() != null) {
                largest.merge(figure.measure(), figure.value(), Math::max);
            }
        }
        var table = new NativeTable();
        table.setId("chart-" + key(section.name()));
        table.getStyle().set("width", "100%").set("border-collapse", "collapse");
        var head = table.getHead().addRow();
        head.addHeaderCell()
                .setText(
                        switch (section) {
                            case SENTIMENT -> "Service · week";
                            case WEEK, WEEK_SENTIMENT -> "Week of";
                            case BACKLOG_AGE -> "Waiting";
                            case CHANNEL -> "Channel";
                            case SERVICE -> "Service";
                            case BACKLOG -> "Urgency";
                            default -> "";
                        });
        measures.forEach(measure -> head.addHeaderCell().setText(measure.label()));
        var rows = new LinkedHashMap<String, NativeTableRow>();
        for (var figure : shown) {
            var row = rows.computeIfAbsent(figure.slice(), slice -> {
                var added = table.getBody().addRow();
                added.addHeaderCell().setText(label(figure));
                measures.forEach(measure -> added.addDataCell());
                return added;
            });
            var cell = row.getDataCell(measures.indexOf(figure.measure())).orElseThrow();
            cell.add(bar(figure, largest.getOrDefault(figure.measure(), 0.0)));
        }
        return table;
    }

    /** What a row is about, as people call it. */
    private String label(Figure figure) {
        return switch (figure.section()) {
            case WEEK, WEEK_SENTIMENT -> DrillDown.WEEK.format(LocalDate.parse(figure.slice()));
            case BACKLOG_AGE -> DrillDown.Waiting.valueOf(figure.slice()).label();
            default -> InsightCsv.slice(figure, names);
        };
    }

    private Component bar(Figure figure, double largest) {
        double share = figure.value() == null
                ? 0
                : figure.measure().isShare() ? figure.value() : largest <= 0 ? 0 : figure.value() / largest;
        var fill = new Div();
        fill.getStyle()
                .set("height", "0.6em")
                .set("width", String.format(Locale.ROOT, "%.1f%%", share * 100))
                .set("background", "var(--lumo-primary-color)")
                .set("border-radius", "2px");
        var track = new Div(fill);
        track.getStyle()
                .set("background", "var(--lumo-contrast-10pct)")
                .set("border-radius", "2px")
                .set("min-width", "6em");
        var number = new Span(figure.shown());
        number.addClassName("figure-value");
        var button = new NativeButton();
        button.add(number, track);
        button.setId("figure-" + key(figure.section().name()) + "-" + key(figure.slice()) + "-"
                + key(figure.measure().name()));
        button.addClassName("figure");
        button.getElement()
                .setAttribute(
                        "title",
                        figure.measure().label() + ", " + label(figure) + ": " + figure.shown()
                                + ". Show the mentions behind it.");
        button.getStyle()
                .set("width", "100%")
                .set("text-align", "left")
                .set("background", "none")
                .set("border", "none")
                .set("cursor", "pointer")
                .set("padding", "0.25em");
        button.addClickListener(event -> showDrillDown(figure.drillDown()));
        return button;
    }

    private void showDrillDown(DrillDown chosen) {
        drill = chosen;
        drillDown.removeAll();
        var page = insight.drillDown(user, filter, chosen, 0, DRILL_DOWN_ROWS);
        audit.recordMentions(user.getUsername(), AuditAction.MENTIONS_LISTED, ids(page.mentions()));
        var title = new H3(chosen.title(names));
        title.setId("drill-title");
        var total = new Span(page.total() == 1 ? "1 mention" : page.total() + " mentions");
        total.setId("drill-total");
        var export = csvLink("Export these mentions (CSV)", "heard-mentions.csv", () -> {
            var mentions = insight.drillDown(user, filter, drill, 0, ResponseInsight.DRILL_DOWN_LIMIT)
                    .mentions();
            audit.recordMentions(user.getUsername(), AuditAction.CSV_EXPORTED, ids(mentions));
            return InsightCsv.mentions(mentions, names);
        });
        export.setId("drill-csv");
        var header = new HorizontalLayout(total, export);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        drillDown.add(title, header);
        if (page.total() > page.mentions().size()) {
            drillDown.add(new Paragraph("Showing the first " + page.mentions().size() + "; the CSV has up to "
                    + ResponseInsight.DRILL_DOWN_LIMIT + "."));
        }
        var table = new NativeTable();
        table.setId("drill-list");
        var head = table.getHead().addRow();
        Arrays.asList("Published", "Channel", "Services", "Urgency", "Sentiment", "First reply after", "Mention")
                .forEach(label -> head.addHeaderCell().setText(label));
        for (var mention : page.mentions()) {
            row(table.getBody().addRow(), mention, names);
        }
        drillDown.add(table);
        drillDown.getElement().scrollIntoView();
    }

    private static void row(NativeTableRow row, MentionDocument mention, Names names) {
        row.addDataCell().setText(mention.publishedAt() == null ? "" : WHEN.format(mention.publishedAt()));
        row.addDataCell().setText(Names.channel(mention.channel()));
        row.addDataCell()
                .setText(
                        mention.services() == null
                                ? ""
                                : mention.services().stream()
                                        .map(ServiceTag::serviceId)
                                        .map(names::service)
                                        .collect(Collectors.joining(", ")));
        row.addDataCell()
                .setText(
                        mention.urgency() == null
                                ? ""
                                : Names.word(mention.urgency().level().wire()));
        row.addDataCell()
                .setText(
                        mention.sentiment() == null
                                ? ""
                                : Names.word(mention.sentiment().label().wire()));
        var response = mention.response();
        row.addDataCell()
                .setText(
                        response == null || response.firstResponseSeconds() == null
                                ? "not answered"
                                : Figure.duration(response.firstResponseSeconds()));
        String said = mention.subject() == null || mention.subject().isBlank()
                ? mention.text()
                : mention.subject() + " — " + mention.text();
        var open = new Anchor("conversation/" + mention.mentionId(), abbreviated(said));
        open.addClassName("drill-mention");
        row.addDataCell().add(open);
    }

    private static List<String> ids(List<MentionDocument> mentions) {
        return mentions.stream().map(MentionDocument::mentionId).toList();
    }

    private static Anchor csvLink(String text, String fileName, Supplier<String> csv) {
        var handler = DownloadHandler.fromInputStream(event -> {
            byte[] bytes = csv.get().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(
                    new ByteArrayInputStream(bytes), fileName, "text/csv;charset=utf-8", bytes.length);
        });
        return new Anchor(handler, AttachmentType.DOWNLOAD, text);
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 140 ? line : line.substring(0, 139) + "…";
    }

    /** An id-safe form of a slice or name. */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
