package org.heard.desk.inbox;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Collectors;
import org.heard.contracts.ServiceTag;
import org.heard.desk.security.StaffUser;
import org.heard.triage.index.MentionDocument;
import org.heard.triage.index.MentionIndex;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The live inbox: most urgent first, then whoever has waited longest. New mentions appear without a
 * reload. Everything a patient wrote is shown as text, never as HTML.
 */
@Route("")
@PageTitle("Inbox · Heard")
@PermitAll
public class InboxView extends VerticalLayout {

    private final MentionIndex index;
    private final ObjectProvider<MentionFeed> feed;
    private final Clock clock;
    private final Grid<MentionDocument> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Span total = new Span();
    private Runnable unsubscribe = () -> {};

    public InboxView(MentionIndex index, ObjectProvider<MentionFeed> feed, Clock clock, AuthenticationContext authentication) {
        this.index = index;
        this.feed = feed;
        this.clock = clock;
        setSizeFull();

        var who = authentication.getAuthenticatedUser(StaffUser.class)
                .map(user -> user.displayName() + (user.title() == null ? "" : " · " + user.title()))
                .orElse("");
        var logout = new Button("Log out", event -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var header = new HorizontalLayout(new H2("Inbox"), total, new Span(who), logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(total);

        search.setPlaceholder("Search what patients said");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setId("inbox-search");
        search.addValueChangeListener(event -> refresh());

        grid.setId("inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(mention -> mention.urgency() == null ? "" : mention.urgency().level().wire()).setHeader("Urgency").setAutoWidth(true);
        grid.addColumn(this::waiting).setHeader("Waiting").setAutoWidth(true);
        grid.addColumn(mention -> mention.channel().wire()).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(mention -> mention.author() == null ? "" : mention.author().label()).setHeader("From").setAutoWidth(true);
        grid.addColumn(InboxView::services).setHeader("Service").setAutoWidth(true);
        grid.addColumn(mention -> mention.sentiment() == null ? "" : mention.sentiment().label().wire()).setHeader("Sentiment").setAutoWidth(true);
        grid.addColumn(mention -> mention.status() == null ? "" : mention.status().wire()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(InboxView::excerpt).setHeader("What they said").setFlexGrow(1);
        grid.setItems(query -> index.search(search.getValue(), query.getOffset(), query.getLimit()).mentions().stream());

        add(header, search, grid);
        expand(grid);
        updateTotal();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        long count = index.search(search.getValue(), 0, 0).total();
        total.setText(count == 1 ? "1 mention" : count + " mentions");
        total.setId("inbox-total");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        feed.ifAvailable(mentions -> unsubscribe = mentions.subscribe(triaged -> ui.access(this::refresh)));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
    }

    private String waiting(MentionDocument mention) {
        var waited = Duration.between(mention.publishedAt(), clock.instant());
        if (waited.toDays() > 0) {
            return waited.toDays() + " d " + waited.toHoursPart() + " h";
        }
        if (waited.toHours() > 0) {
            return waited.toHours() + " h " + waited.toMinutesPart() + " min";
        }
        return Math.max(0, waited.toMinutes()) + " min";
    }

    private static String services(MentionDocument mention) {
        return mention.services() == null ? "" : mention.services().stream().map(ServiceTag::serviceId).collect(Collectors.joining(", "));
    }

    private static String excerpt(MentionDocument mention) {
        String text = mention.subject() == null || mention.subject().isBlank() ? mention.text() : mention.subject() + " — " + mention.text();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }
}
