package org.heard.desk.retriage;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.heard.contracts.Channel;
import org.heard.desk.security.StaffUser;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;

/** Re-run triage over a date range, follow its progress live, cancel it. */
@Route("admin/retriage")
@PageTitle("Re-triage · Heard")
@Menu(title = "Re-triage", order = 92)
@RolesAllowed("ADMIN")
public class RetriageView extends VerticalLayout {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(LONDON);

    private final Retriage retriage;
    private final StaffUser user;
    private final ProgressBar bar = new ProgressBar(0, 1);
    private final Span counts = new Span();
    private final Paragraph status = new Paragraph();
    private final Button cancel = new Button("Cancel");
    private final Grid<Retriage.Progress> history = new Grid<>();
    private String runningJob;
    private Registration polling;

    RetriageView(Retriage retriage, ServiceCatalogue catalogue, AuthenticationContext authentication) {
        this.retriage = retriage;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();

        var from = new DatePicker("First day");
        from.setId("retriage-from");
        var to = new DatePicker("Last day");
        to.setId("retriage-to");
        var service = new ComboBox<Service>("Service (optional)");
        service.setId("retriage-service");
        service.setItems(catalogue.services());
        service.setItemLabelGenerator(s -> s.name() + " (" + s.id() + ")");
        service.setClearButtonVisible(true);
        var channel = new Select<Channel>();
        channel.setId("retriage-channel");
        channel.setLabel("Channel (optional)");
        channel.setItems(Channel.values());
        channel.setEmptySelectionAllowed(true);
        channel.setEmptySelectionCaption("All channels");
        channel.setItemLabelGenerator(c -> c == null ? "All channels" : c.wire());
        var start = new Button("Re-triage", event -> {
            var outcome = retriage.start(
                    user,
                    startOf(from.getValue()),
                    startOf(to.getValue() == null ? null : to.getValue().plusDays(1)),
                    service.getValue() == null ? null : service.getValue().id(),
                    channel.getValue());
            switch (outcome) {
                case Retriage.Outcome.Started started -> notify("Re-triage started", NotificationVariant.LUMO_SUCCESS);
                case Retriage.Outcome.Refused(var reason) -> notify(reason, NotificationVariant.LUMO_ERROR);
                case Retriage.Outcome.Cancelled cancelled -> {}
            }
            refresh();
        });
        start.setId("retriage-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        bar.setId("retriage-progress");
        counts.setId("retriage-counts");
        status.setId("retriage-status");
        cancel.setId("retriage-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(event -> {
            if (runningJob != null
                    && retriage.cancel(user, runningJob) instanceof Retriage.Outcome.Refused(var reason)) {
                notify(reason, NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });

        history.setId("retriage-history");
        history.addColumn(p -> WHEN.format(p.job().requestedAt()))
                .setHeader("Started")
                .setAutoWidth(true);
        history.addColumn(p -> p.job().requestedBy()).setHeader("By").setAutoWidth(true);
        history.addColumn(p -> range(p.job())).setHeader("Mentions").setFlexGrow(1);
        history.addColumn(p -> p.job().state().wire()).setHeader("State").setAutoWidth(true);
        history.addColumn(p -> p.done() + " / " + p.total() + (p.failed() > 0 ? " (" + p.failed() + " failed)" : ""))
                .setHeader("Re-tagged")
                .setAutoWidth(true);
        history.setAllRowsVisible(true);

        add(
                new H2("Re-triage"),
                new Paragraph(
                        "Tags the mentions of a date range again with the current models and service catalogue. "
                                + "New mentions keep being triaged meanwhile. Status, assignee, notes and any tag staff corrected stay."),
                new HorizontalLayout(from, to, service, channel),
                start,
                new H3("Running"),
                status,
                bar,
                counts,
                cancel,
                new H3("Recent jobs"),
                history,
                new Anchor(
                        "admin/dead-letters?source=" + Retriage.DEAD_LETTER_SOURCE + "&state=pending",
                        "Mentions re-triage could not re-tag (dead letters)"));
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Progress is counted in Elasticsearch: the page asks again every second while it is open.
        event.getUI().setPollInterval(1000);
        polling = event.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    private void refresh() {
        var running = retriage.running(user);
        runningJob = running.map(p -> p.job().id()).orElse(null);
        bar.setVisible(running.isPresent());
        counts.setVisible(running.isPresent());
        cancel.setVisible(running.isPresent());
        running.ifPresentOrElse(
                progress -> {
                    bar.setValue(progress.fraction());
                    counts.setText(progress.done() + " of " + progress.total() + " re-tagged, " + progress.failed()
                            + " failed (" + Math.round(progress.fraction() * 100) + "%)");
                    status.setText((progress.interrupted()
                                    ? "Interrupted: its desk instance has not been heard of since "
                                            + WHEN.format(progress.job().heartbeatAt())
                                            + ". Cancel it to start another. "
                                    : "")
                            + "Started by " + progress.job().requestedBy() + " at "
                            + WHEN.format(progress.job().requestedAt()) + ": "
                            + range(progress.job()));
                },
                () -> status.setText("No re-triage is running."));
        history.setItems(retriage.recent(user, 10));
    }

    private static String range(RetriageJob job) {
        return WHEN.format(job.from()) + " to " + WHEN.format(job.before())
                + (job.service() == null ? "" : ", service " + job.service())
                + (job.channel() == null ? "" : ", " + job.channel().wire());
    }

    private static java.time.Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(LONDON).toInstant();
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
