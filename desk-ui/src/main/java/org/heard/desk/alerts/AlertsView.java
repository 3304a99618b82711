package org.heard.desk.alerts;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Admins see every alert delivery and what became of it; failed ones first to hand. */
@Route("admin/alerts")
@PageTitle("Alert deliveries · Heard")
@Menu(title = "Alert deliveries", order = 91)
@RolesAllowed("ADMIN")
public class AlertsView extends VerticalLayout {

    static final int SHOWN = 500;
    private static final String ALL = "all";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss").withZone(ZoneId.of("Europe/London"));

    private final AlertLedger ledger;
    private final Select<String> state = new Select<>();
    private final TextField mention = new TextField("Mention id");
    private final Grid<AlertDelivery> grid = new Grid<>();
    private final Span failedCount = new Span();

    public AlertsView(AlertLedger ledger) {
        this.ledger = ledger;
        setSizeFull();
        state.setLabel("State");
        state.setId("alerts-state");
        state.setItems(
                ALL,
                AlertDelivery.State.FAILED.wire(),
                AlertDelivery.State.PENDING.wire(),
                AlertDelivery.State.DELIVERED.wire());
        state.setValue(ALL);
        state.addValueChangeListener(event -> refresh());
        mention.setId("alerts-mention");
        var search = new Button("Show", event -> refresh());
        search.setId("alerts-show");
        var filters = new HorizontalLayout(state, mention, search);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        failedCount.setId("alerts-failed");
        grid.setId("alert-deliveries");
        grid.addColumn(delivery -> WHEN.format(delivery.updatedAt()))
                .setHeader("Updated")
                .setAutoWidth(true);
        grid.addColumn(delivery -> delivery.kind().wire()).setHeader("Alert").setAutoWidth(true);
        grid.addColumn(delivery -> delivery.route().wire()).setHeader("Route").setAutoWidth(true);
        grid.addColumn(AlertDelivery::recipient).setHeader("Recipient").setAutoWidth(true);
        grid.addColumn(delivery -> String.join(", ", delivery.services()))
                .setHeader("Services")
                .setAutoWidth(true);
        grid.addColumn(delivery -> delivery.state().wire()).setHeader("State").setAutoWidth(true);
        grid.addColumn(AlertDelivery::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(AlertDelivery::lastError).setHeader("Last error").setFlexGrow(1);
        grid.addColumn(delivery -> delivery.mentionId() == null ? "" : delivery.mentionId())
                .setHeader("Mention")
                .setAutoWidth(true);
        grid.setPartNameGenerator(delivery -> delivery.state() == AlertDelivery.State.FAILED ? "failed" : null);
        add(new H2("Alert deliveries"), failedCount, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private void refresh() {
        var chosen = Optional.ofNullable(state.getValue())
                .filter(value -> !ALL.equals(value))
                .map(AlertDelivery.State::fromWire)
                .orElse(null);
        grid.setItems(ledger.deliveries(chosen, mention.getValue(), SHOWN));
        int failed = ledger.deliveries(AlertDelivery.State.FAILED, null, SHOWN).size();
        failedCount.setText(
                failed == 0 ? "No failed deliveries" : failed + (failed == SHOWN ? "+" : "") + " failed deliveries");
    }
}
