package org.heard.desk.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Admins search the audit log by person, mention and date (days in UK time). */
@Route("admin/audit")
@PageTitle("Audit log · Heard")
@Menu(title = "Audit log", order = 92)
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

    static final int PAGE = 200;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(UK);

    private final AuditLog auditLog;
    private final TextField person = new TextField("Person (username)");
    private final TextField mention = new TextField("Mention id");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span total = new Span();

    public AuditView(AuditLog auditLog) {
        this.auditLog = auditLog;
        setSizeFull();
        person.setId("audit-person");
        mention.setId("audit-mention");
        from.setId("audit-from");
        to.setId("audit-to");
        total.setId("audit-total");
        var search = new Button("Search", event -> search());
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var filters = new HorizontalLayout(person, mention, from, to, search);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("audit-entries");
        grid.addColumn(entry -> WHEN.format(entry.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().wire()).setHeader("What").setAutoWidth(true);
        grid.addColumn(entry -> entry.mentionId() == null ? "" : entry.mentionId())
                .setHeader("Mention")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        grid.addColumn(AuditEntry::instance).setHeader("Instance").setAutoWidth(true);
        add(new H2("Audit log"), filters, total, grid);
        setFlexGrow(1, grid);
        search();
    }

    private void search() {
        var query = new AuditQuery(
                person.getValue(),
                mention.getValue(),
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(UK).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(UK).toInstant());
        var page = auditLog.search(query, 0, PAGE);
        grid.setItems(page.entries());
        total.setText(
                page.total() > page.entries().size()
                        ? page.total() + " entries (the newest "
                                + page.entries().size() + " shown)"
                        : page.total() + " entries");
    }
}
