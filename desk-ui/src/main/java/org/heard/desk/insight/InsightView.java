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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.ServiceTag;
import org.heard.desk.insight.Figure.Measure;
import org.heard.desk.insight.Figure.Section;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.heard.mentions.MentionDocument;

/**
 * The response dashboard. Charts are plain HTML bars drawn by the server (no chart library, nothing
 * commercial): every bar is a button whose text is the number itself, so a screen reader reads the
 * figure and a click lists the mentions behind it. Outside text (what patients wrote) is only ever
 * set as text.
 */
@Route("insight")
@PageTitle("Insight · Heard")
@Menu(title = "Insight", order = 20)
@PermitAll
public class InsightView extends VerticalLayout implements BeforeEnterObserver {

    static final int DAYS_SHOWN = 90;
    /** Rows listed on the page; the CSV has up to {@link ResponseInsight#DRILL_DOWN_LIMIT}. */
    static final int DRILL_DOWN_ROWS = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final ResponseInsight insight;
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

    public InsightView(ResponseInsight insight, InboxQueries queries, ServiceCatalogue catalogue, Clock clock,
            AuthenticationContext authentication, AuditTrail audit) {
        this.insight = insight;
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
        channel.setLabel("Channel");
        channel.setId("filter-channel");
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption("All channels");
        channel.setItemLabelGenerator(value -> value == null ? "All channels" : value.wire());
        from.addValueChangeListener(event -> refreshWhenChanged());
        to.addValueChangeListener(event -> refreshWhenChanged());
        service.addValueChangeListener(event -> refreshWhenChanged());
        channel.addValueChangeListener(event -> refreshWhenChanged());

        var export = csvLink("Export figures (CSV)", "heard-figures.csv", () -> InsightCsv.figures(insight.figures(user, filter)));
        export.setId("figures-csv");
        var filters = new HorizontalLayout(from, to, service, channel, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        figures.setId("figures");
        figures.setPadding(false);
        drillDown.setId("drill-down");
        drillDown.setPadding(false);
        add(new H2("Response insight"), new Paragraph(scope.everything()
                ? "Every service. Click a figure to see the mentions behind it."
                : "Your services only. Click a figure to see the mentions behind it."), filters, figures, drillDown);
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
            parameters.getSingleParameter("channel").flatMap(InsightView::channel).ifPresent(channel::setValue);
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
        var bySection = new LinkedHashMap<Section, List<Figure>>();
        for (var figure : insight.figures(user, filter)) {
            bySection.computeIfAbsent(figure.section(), section -> new java.util.ArrayList<>()).add(figure);
        }
        bySection.forEach((section, shown) -> figures.add(new H3(section.title()), chart(section, shown)));
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
        head.addHeaderCell().setText(section == Section.SENTIMENT ? "Service · week" : section == Section.WEEK ? "Week of" : "");
        measures.forEach(measure -> head.addHeaderCell().setText(measure.label()));
        var rows = new LinkedHashMap<String, NativeTableRow>();
        for (var figure : shown) {
            var row = rows.computeIfAbsent(figure.slice(), slice -> {
                var added = table.getBody().addRow();
                added.addHeaderCell().setText(slice);
                measures.forEach(measure -> added.addDataCell());
                return added;
            });
            var cell = row.getDataCell(measures.indexOf(figure.measure())).orElseThrow();
            cell.add(bar(figure, largest.getOrDefault(figure.measure(), 0.0)));
        }
        return table;
    }

    private Component bar(Figure figure, double largest) {
        double share = figure.value() == null ? 0
                : figure.measure().isShare() ? figure.value()
                : largest <= 0 ? 0 : figure.value() / largest;
        var fill = new Div();
        fill.getStyle().set("height", "0.6em").set("width", String.format(Locale.ROOT, "%.1f%%", share * 100))
                .set("background", "var(--lumo-primary-color)").set("border-radius", "2px");
        var track = new Div(fill);
        track.getStyle().set("background", "var(--lumo-contrast-10pct)").set("border-radius", "2px").set("min-width", "6em");
        var number = new Span(figure.shown());
        number.addClassName("figure-value");
        var button = new NativeButton();
        button.add(number, track);
        button.setId("figure-" + key(figure.section().name()) + "-" + key(figure.slice()) + "-" + key(figure.measure().name()));
        button.addClassName("figure");
        button.getElement().setAttribute("title", figure.measure().label() + ", " + figure.slice() + ": " + figure.shown()
                + ". Show the mentions behind it.");
        button.getStyle().set("width", "100%").set("text-align", "left").set("background", "none").set("border", "none")
                .set("cursor", "pointer").set("padding", "0.25em");
        button.addClickListener(event -> showDrillDown(figure.drillDown()));
        return button;
    }

    private void showDrillDown(DrillDown chosen) {
        drill = chosen;
        drillDown.removeAll();
        var page = insight.drillDown(user, filter, chosen, 0, DRILL_DOWN_ROWS);
        audit.recordMentions(user.getUsername(), AuditAction.MENTIONS_LISTED, ids(page.mentions()));
        var title = new H3(chosen.title());
        title.setId("drill-title");
        var total = new Span(page.total() == 1 ? "1 mention" : page.total() + " mentions");
        total.setId("drill-total");
        var export = csvLink("Export these mentions (CSV)", "heard-mentions.csv", () -> {
            var mentions = insight.drillDown(user, filter, drill, 0, ResponseInsight.DRILL_DOWN_LIMIT).mentions();
            audit.recordMentions(user.getUsername(), AuditAction.CSV_EXPORTED, ids(mentions));
            return InsightCsv.mentions(mentions);
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
            row(table.getBody().addRow(), mention);
        }
        drillDown.add(table);
        drillDown.getElement().scrollIntoView();
    }

    private static void row(NativeTableRow row, MentionDocument mention) {
        row.addDataCell().setText(mention.publishedAt() == null ? "" : WHEN.format(mention.publishedAt()));
        row.addDataCell().setText(mention.channel() == null ? "" : mention.channel().wire());
        row.addDataCell().setText(mention.services() == null ? ""
                : mention.services().stream().map(ServiceTag::serviceId).collect(Collectors.joining(", ")));
        row.addDataCell().setText(mention.urgency() == null ? "" : mention.urgency().level().wire());
        row.addDataCell().setText(mention.sentiment() == null ? "" : mention.sentiment().label().wire());
        var response = mention.response();
        row.addDataCell().setText(response == null || response.firstResponseSeconds() == null ? "not answered"
                : Figure.duration(response.firstResponseSeconds()));
        String said = mention.subject() == null || mention.subject().isBlank() ? mention.text() : mention.subject() + " — " + mention.text();
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
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv;charset=utf-8", bytes.length);
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
