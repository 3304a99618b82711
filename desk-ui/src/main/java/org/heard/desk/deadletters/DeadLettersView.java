package org.heard.desk.deadletters;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.heard.desk.security.StaffUser;

/**
 * Dead letters for admins: filter by source, reason, date and state; read the reason and the raw
 * payload (as text, never as HTML), download its bytes, retry or discard.
 */
@Route("admin/dead-letters")
@PageTitle("Dead letters · Heard")
@Menu(title = "Dead letters", order = 91)
@RolesAllowed("ADMIN")
public class DeadLettersView extends VerticalLayout implements BeforeEnterObserver {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(LONDON);

    private final DeadLetterDesk desk;
    private final StaffUser user;
    private final ComboBox<String> source = new ComboBox<>("Source");
    private final TextField words = new TextField("Reason");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Select<DeadLetter.State> state = new Select<>();
    private final Grid<DeadLetter> grid = new Grid<>();
    private final VerticalLayout details = new VerticalLayout();
    private final Span total = new Span();

    DeadLettersView(DeadLetterDesk desk, AuthenticationContext authentication) {
        this.desk = desk;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        setSizeFull();

        source.setId("dead-letter-source");
        source.setItems(desk.sources(user));
        source.setAllowCustomValue(true);
        source.addCustomValueSetListener(event -> source.setValue(event.getDetail()));
        source.setClearButtonVisible(true);
        words.setId("dead-letter-words");
        words.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        from.setId("dead-letter-from");
        to.setId("dead-letter-to");
        state.setId("dead-letter-state-filter");
        state.setLabel("State");
        state.setItems(DeadLetter.State.values());
        state.setEmptySelectionAllowed(true);
        state.setEmptySelectionCaption("Any");
        state.setItemLabelGenerator(s -> s == null ? "Any" : s.wire());
        state.setValue(DeadLetter.State.PENDING);
        source.addValueChangeListener(event -> refresh());
        words.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());
        state.addValueChangeListener(event -> refresh());

        grid.setId("dead-letter-grid");
        grid.addColumn(letter -> WHEN.format(letter.deadLetteredAt()))
                .setHeader("When")
                .setAutoWidth(true);
        grid.addColumn(DeadLetter::source).setHeader("Source").setAutoWidth(true);
        grid.addColumn(DeadLetter::reason).setHeader("Reason").setFlexGrow(1);
        grid.addColumn(letter -> letter.state().wire()).setHeader("State").setAutoWidth(true);
        grid.addColumn(letter -> letter.attempt() > 1 ? "attempt " + letter.attempt() : "")
                .setHeader("Retry")
                .setAutoWidth(true);
        // A letter stays shown when the list changes under it (retried, it leaves the "pending" list).
        grid.asSingleSelect().addValueChangeListener(event -> {
            if (event.getValue() != null) {
                show(event.getValue());
            }
        });
        grid.setHeight("40vh");
        refresh();

        details.setId("dead-letter-details");
        details.setPadding(false);
        total.setId("dead-letter-total");
        add(new H2("Dead letters"), new HorizontalLayout(source, words, from, to, state), total, grid, details);
    }

    /** Filters can be given in the address ({@code ?source=email&words=MIME&state=any}), so a search can be linked to. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        parameters.getSingleParameter("source").ifPresent(source::setValue);
        parameters.getSingleParameter("words").ifPresent(words::setValue);
        parameters
                .getSingleParameter("state")
                .ifPresent(value -> state.setValue(java.util.Arrays.stream(DeadLetter.State.values())
                        .filter(s -> s.wire().equals(value))
                        .findFirst()
                        .orElse(null)));
    }

    private DeadLetterQuery query() {
        return new DeadLetterQuery(
                source.getValue(),
                words.getValue(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(LONDON).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(LONDON).toInstant(),
                state.getValue());
    }

    private void refresh() {
        var current = query();
        long count = desk.count(user, current);
        total.setText(count == 1 ? "1 dead letter" : count + " dead letters");
        grid.setItems(page -> desk.browse(user, current, page.getOffset(), page.getLimit()).letters().stream(), page ->
                (int) Math.min(Integer.MAX_VALUE, desk.count(user, current)));
    }

    private void show(DeadLetter selected) {
        details.removeAll();
        if (selected == null) {
            return;
        }
        var letter = desk.letter(user, selected.id()).orElse(selected);
        var title = new H3(letter.id());
        title.setId("dead-letter-id");
        var facts = new Div();
        facts.add(line("Source", letter.source()), line("Dead-lettered", WHEN.format(letter.deadLetteredAt())));
        var stateLine = new Paragraph(stateText(letter));
        stateLine.setId("dead-letter-state");
        var reason = new Paragraph(letter.reason());
        reason.setId("dead-letter-reason");
        details.add(title, facts, stateLine);
        if (letter.retryOf() != null) {
            var previous = new Button(
                    "Retry of " + letter.retryOf(),
                    event -> desk.letter(user, letter.retryOf()).ifPresent(this::show));
            previous.setId("dead-letter-retry-of");
            previous.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            details.add(previous);
        }
        details.add(new H3("Reason"), reason);
        if (!letter.context().isEmpty()) {
            var context = new Pre(letter.context().entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + entry.getValue())
                    .sorted()
                    .collect(Collectors.joining("\n")));
            context.setId("dead-letter-context");
            details.add(new H3("Context"), context);
        }
        byte[] raw = letter.raw();
        var payload =
                new Pre(Payloads.text(raw).orElse("Not text (" + raw.length + " bytes): download it to inspect."));
        payload.setId("dead-letter-payload");
        payload.getStyle()
                .set("white-space", "pre-wrap")
                .set("max-height", "30em")
                .set("overflow", "auto");
        var download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(raw), fileName(letter), "application/octet-stream", raw.length)),
                "Download the raw payload (" + raw.length + " bytes)");
        download.setId("dead-letter-download");
        details.add(
                new H3("Payload"
                        + ("base64".equalsIgnoreCase(letter.payloadEncoding()) ? " (decoded from base64)" : "")),
                payload,
                download);
        if (letter.state() == DeadLetter.State.PENDING) {
            details.add(actions(letter));
        }
    }

    private VerticalLayout actions(DeadLetter letter) {
        var plan = desk.plan(user, letter);
        var explanation = new Paragraph(
                switch (plan) {
                    case RetryRoute.RetryPlan.Possible(var how) -> how;
                    case RetryRoute.RetryPlan.Impossible(var why) -> "Cannot be retried from here: " + why;
                });
        explanation.setId("dead-letter-plan");
        var retry = new Button("Retry", event -> act(desk.retry(user, letter.id())));
        retry.setId("dead-letter-retry");
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.setEnabled(plan instanceof RetryRoute.RetryPlan.Possible);
        var note = new TextField("Why discard (optional)");
        note.setId("dead-letter-discard-note");
        var discard = new Button("Discard", event -> act(desk.discard(user, letter.id(), note.getValue())));
        discard.setId("dead-letter-discard");
        discard.addThemeVariants(ButtonVariant.LUMO_ERROR);
        var row = new HorizontalLayout(retry, note, discard);
        row.setAlignItems(Alignment.BASELINE);
        var actions = new VerticalLayout(explanation, row);
        actions.setPadding(false);
        return actions;
    }

    private void act(DeadLetterDesk.Outcome outcome) {
        switch (outcome) {
            case DeadLetterDesk.Outcome.Done(var letter) -> {
                Notification.show(stateText(letter), 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                grid.getDataProvider().refreshAll();
                show(letter);
            }
            case DeadLetterDesk.Outcome.NotFound(var id) ->
                Notification.show("No dead letter " + id, 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            case DeadLetterDesk.Outcome.Refused(var reason) ->
                Notification.show(reason, 6000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String stateText(DeadLetter letter) {
        if (letter.state() == DeadLetter.State.PENDING) {
            return "Pending: waiting for an admin.";
        }
        String by = letter.handledBy() == null ? "" : " by " + letter.handledBy();
        String at = letter.handledAt() == null ? "" : " at " + WHEN.format(letter.handledAt());
        String outcome = letter.outcome() == null ? "" : " " + letter.outcome();
        return (letter.state() == DeadLetter.State.RETRIED ? "Retried" : "Discarded") + by + at + "." + outcome;
    }

    private static Span line(String label, String value) {
        var span = new Span(label + ": " + value);
        span.getStyle().set("display", "block");
        return span;
    }

    private static String fileName(DeadLetter letter) {
        return "dead-letter-" + letter.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".bin";
    }
}
