package org.heard.desk.inbox;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.reply.ReplyTracker;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The live inbox: most urgent first, then whoever has waited longest, within the person's scope.
 * Saved views with counts, filters and full-text search; new mentions appear without a reload.
 * Everything a patient wrote is shown as text, never as HTML.
 */
@Route("")
@PageTitle("Inbox · Heard")
@Menu(title = "Inbox", order = 0)
@PermitAll
public class InboxView extends VerticalLayout {

    static final String ME = "me";
    static final java.util.Map<StaffRole, String> TEAM_NAMES =
            java.util.Map.of(StaffRole.RESPONDER, "a responder", StaffRole.MANAGER, "a manager", StaffRole.ADMIN, "an admin");

    private final InboxQueries queries;
    private final InboxViews views;
    private final ObjectProvider<MentionFeed> feed;
    private final ObjectProvider<ReplyTracker> outcomes;
    private final Clock clock;
    private final StaffUser user;
    private final Grid<MentionDocument> grid = new Grid<>();
    private final Tabs tabs = new Tabs();
    private final List<InboxViews.SavedView> shownViews = new ArrayList<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<Channel> channels = new MultiSelectComboBox<>("Channel");
    private final TextField service = new TextField("Service");
    private final MultiSelectComboBox<Sentiment.Label> sentiments = new MultiSelectComboBox<>("Sentiment");
    private final MultiSelectComboBox<Urgency.Level> urgencies = new MultiSelectComboBox<>("Urgency");
    private final MultiSelectComboBox<MentionStatus> statuses = new MultiSelectComboBox<>("Status");
    private final TextField assignee = new TextField("Assignee");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span total = new Span();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    public InboxView(InboxQueries queries, InboxViews views, ObjectProvider<MentionFeed> feed, ObjectProvider<ReplyTracker> outcomes,
            Clock clock, AuthenticationContext authentication) {
        this.queries = queries;
        this.views = views;
        this.feed = feed;
        this.outcomes = outcomes;
        this.clock = clock;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        setSizeFull();

        // Who is signed in, and logging out, are in the desk's frame (shell/DeskLayout).
        var logFeedback = new Anchor("log", "Log feedback");
        logFeedback.setId("log-feedback");
        var header = new HorizontalLayout(new H2("Inbox"), total, logFeedback);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(total);
        total.setId("inbox-total");

        tabs.setId("views");
        tabs.addSelectedChangeListener(event -> refresh());

        search.setPlaceholder("Search what patients said");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();
        search.setId("inbox-search");
        search.addValueChangeListener(event -> refresh());

        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(Channel::wire);
        channels.setId("filter-channel");
        sentiments.setItems(Sentiment.Label.values());
        sentiments.setItemLabelGenerator(Sentiment.Label::wire);
        sentiments.setId("filter-sentiment");
        urgencies.setItems(Urgency.Level.values());
        urgencies.setItemLabelGenerator(Urgency.Level::wire);
        urgencies.setId("filter-urgency");
        statuses.setItems(MentionStatus.values());
        statuses.setItemLabelGenerator(MentionStatus::wire);
        statuses.setId("filter-status");
        service.setPlaceholder("service id");
        service.setId("filter-service");
        assignee.setPlaceholder("username, me or -");
        assignee.setId("filter-assignee");
        from.setId("filter-from");
        to.setId("filter-to");
        for (var field : List.of(service, assignee)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
        }
        channels.addValueChangeListener(event -> refresh());
        sentiments.addValueChangeListener(event -> refresh());
        urgencies.addValueChangeListener(event -> refresh());
        statuses.addValueChangeListener(event -> refresh());
        service.addValueChangeListener(event -> refresh());
        assignee.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());
        var saveView = new Button("Save view", VaadinIcon.BOOKMARK.create(), event -> saveView());
        saveView.setId("save-view");
        var removeView = new Button("Remove view", VaadinIcon.TRASH.create(), event -> removeView());
        removeView.setId("remove-view");
        removeView.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(channels, service, sentiments, urgencies, statuses, assignee, from, to, saveView, removeView);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("inbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(mention -> mention.urgency() == null ? "" : mention.urgency().level().wire()).setHeader("Urgency").setAutoWidth(true);
        grid.addColumn(this::waiting).setHeader("Waiting").setAutoWidth(true);
        grid.addColumn(mention -> mention.channel().wire()).setHeader("Channel").setAutoWidth(true);
        grid.addColumn(mention -> mention.author() == null ? "" : mention.author().label()).setHeader("From").setAutoWidth(true);
        grid.addColumn(InboxView::services).setHeader("Service").setAutoWidth(true);
        grid.addColumn(mention -> mention.sentiment() == null ? "" : mention.sentiment().label().wire()).setHeader("Sentiment").setAutoWidth(true);
        grid.addColumn(mention -> mention.status() == null ? "" : mention.status().wire()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(mention -> mention.assignee() == null ? "" : mention.assignee()).setHeader("Assignee").setAutoWidth(true);
        grid.addColumn(InboxView::excerpt).setHeader("What they said").setFlexGrow(1);
        grid.setItems(query -> queries.search(user, currentQuery(), query.getOffset(), query.getLimit()).mentions().stream());
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate("conversation/" + event.getItem().mentionId())));

        add(header, tabs, search, filters, grid);
        expand(grid);
        rebuildTabs();
        updateTotal();
    }

    /** The selected saved view narrowed by the filter bar; the server adds the person's scope. */
    MentionQuery currentQuery() {
        int selected = tabs.getSelectedIndex();
        var view = selected >= 0 && selected < shownViews.size() ? shownViews.get(selected).query() : MentionQuery.everything();
        return InboxViews.refine(view, filterBar());
    }

    private MentionQuery filterBar() {
        var zone = ZoneId.of("Europe/London");
        String who = assignee.getValue() == null || assignee.getValue().isBlank() ? null : assignee.getValue().strip();
        if (ME.equalsIgnoreCase(who)) {
            who = user.getUsername();
        }
        String serviceId = service.getValue() == null || service.getValue().isBlank() ? null : service.getValue().strip();
        return new MentionQuery(search.getValue(), channels.getValue(), serviceId == null ? Set.of() : Set.of(serviceId),
                sentiments.getValue(), urgencies.getValue(), statuses.getValue(), who,
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(), null);
    }

    private void rebuildTabs() {
        int selected = Math.max(0, tabs.getSelectedIndex());
        shownViews.clear();
        shownViews.addAll(views.viewsFor(user));
        tabs.removeAll();
        for (var view : shownViews) {
            var tab = new Tab(view.name() + " (" + queries.count(user, view.query()) + ")");
            tab.setId("view-" + view.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            tabs.add(tab);
        }
        tabs.setSelectedIndex(Math.min(selected, shownViews.size() - 1));
    }

    private void updateCounts() {
        var current = views.viewsFor(user);
        for (int i = 0; i < current.size() && i < tabs.getComponentCount(); i++) {
            var tab = (Tab) tabs.getComponentAt(i);
            tab.setLabel(current.get(i).name() + " (" + queries.count(user, current.get(i).query()) + ")");
        }
    }

    private void saveView() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Save this view");
        var name = new TextField("Name");
        name.setId("view-name");
        var audience = new Select<StaffRole>();
        audience.setLabel("Who sees it");
        audience.setId("view-audience");
        audience.setItems(InboxViews.teamsOf(user).stream().sorted().toList());
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption("Only me");
        audience.setItemLabelGenerator(role -> role == null ? "Only me" : "Everyone who is " + TEAM_NAMES.get(role));
        var save = new Button("Save", event -> {
            switch (views.save(user, name.getValue(), currentQuery(), audience.getValue())) {
                case InboxViews.Saving.Refused refused -> {
                    name.setInvalid(true);
                    name.setErrorMessage(refused.reason());
                }
                case InboxViews.Saving.Saved saved -> {
                    dialog.close();
                    rebuildTabs();
                    tabs.setSelectedIndex(tabs.getComponentCount() - 1);
                }
            }
        });
        save.setId("view-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(name, audience));
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
        dialog.open();
    }

    /** Removes the selected view when the person saved it. */
    private void removeView() {
        int selected = tabs.getSelectedIndex();
        if (selected < 0 || selected >= shownViews.size()) {
            return;
        }
        var view = shownViews.get(selected);
        if (view.builtIn() || !user.getUsername().equals(view.owner())) {
            Notification.show("Only whoever saved a view can remove it", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        views.remove(user, view.id());
        tabs.setSelectedIndex(0);
        rebuildTabs();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        long count = queries.count(user, currentQuery());
        total.setText(count == 1 ? "1 mention" : count + " mentions");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        Runnable live = () -> ui.access(() -> {
            refresh();
            updateCounts();
        });
        feed.ifAvailable(mentions -> unsubscribe.add(mentions.subscribe(triaged -> live.run())));
        outcomes.ifAvailable(tracker -> unsubscribe.add(tracker.subscribe(outcome -> live.run())));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }

    private String waiting(MentionDocument mention) {
        return Waiting.since(mention.publishedAt(), clock.instant());
    }

    static String services(MentionDocument mention) {
        return mention.services() == null ? "" : mention.services().stream().map(ServiceTag::serviceId).collect(Collectors.joining(", "));
    }

    private static String excerpt(MentionDocument mention) {
        String text = mention.subject() == null || mention.subject().isBlank() ? mention.text() : mention.subject() + " — " + mention.text();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }

    /** How long a person has waited, as staff say it. */
    public static final class Waiting {
        private Waiting() {}

        public static String since(java.time.Instant publishedAt, java.time.Instant now) {
            var waited = Duration.between(publishedAt, now);
            if (waited.toDays() > 0) {
                return waited.toDays() + " d " + waited.toHoursPart() + " h";
            }
            if (waited.toHours() > 0) {
                return waited.toHours() + " h " + waited.toMinutesPart() + " min";
            }
            return Math.max(0, waited.toMinutes()) + " min";
        }
    }
}
