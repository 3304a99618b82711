package org.heard.desk.inbox;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.conversation.ConversationPanel;
import org.heard.desk.conversation.Conversations;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.desk.shell.DeskKeys;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.MentionStatus;

/**
 * The live inbox as a work queue: most urgent first, then whoever has waited longest, within the
 * person's scope. On a wide screen the conversation opens beside the list, so staff work down the
 * queue without leaving it (keys: {@link DeskKeys#MAP}). Saved views with their counts (one search
 * gives the list and the counts), one bar of filters, full-text search; new mentions arrive without
 * a reload ({@link LiveInbox}). Everything a patient wrote is shown as text, never as HTML.
 */
@Route("")
@PageTitle("Inbox · Heard")
@Menu(title = "Inbox", order = 0)
@PermitAll
public class InboxView extends VerticalLayout {

    static final Map<StaffRole, String> TEAM_NAMES =
            Map.of(StaffRole.RESPONDER, "a responder", StaffRole.MANAGER, "a manager", StaffRole.ADMIN, "an admin");
    /** From this window width (CSS pixels) the conversation opens beside the list. */
    static final int SPLIT_FROM = 1100;

    static final int PAGE = 50;

    /** A choice of the assignee filter: a colleague, oneself, or nobody. */
    record Assignee(String value, String label) {}

    /** What one search brought back: the list, its total, and each tab's count. */
    record Loaded(List<MentionDocument> mentions, long total, Map<String, Long> counts) {}

    private final InboxQueries queries;
    private final InboxViews views;
    private final LiveInbox live;
    private final DeskNames names;
    private final Clock clock;
    private final StaffUser user;
    /** The views as a group of toggle buttons (aria-pressed), each with its count. */
    private final Div tabs = new Div();

    private final List<Button> viewButtons = new ArrayList<>();
    private int selectedView;
    private final List<InboxViews.SavedView> shownViews = new ArrayList<>();
    private final TextField search = new TextField();
    private final Button filtersToggle = new Button("Filters", VaadinIcon.FILTER.create());
    private final Div filters = new Div();
    private final MultiSelectComboBox<Channel> channels = new MultiSelectComboBox<>("Channel");
    private final MultiSelectComboBox<DeskNames.ServiceChoice> services = new MultiSelectComboBox<>("Service");
    private final MultiSelectComboBox<Sentiment.Label> sentiments = new MultiSelectComboBox<>("Sentiment");
    private final MultiSelectComboBox<Urgency.Level> urgencies = new MultiSelectComboBox<>("Urgency");
    private final MultiSelectComboBox<MentionStatus> statuses = new MultiSelectComboBox<>("Status");
    private final ComboBox<Assignee> assignee = new ComboBox<>("Assignee");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Span total = new Span();
    private final UnorderedList list = new UnorderedList();
    private final Button more = new Button("Show more");
    private final Div pane = new Div();
    private final Paragraph paneEmpty =
            new Paragraph("Choose a mention to read and answer it here (j and k move down and up the list).");
    private final ConversationPanel conversation;
    private final List<QueueRow> rows = new ArrayList<>();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    private int shown = PAGE;
    private int width = SPLIT_FROM;
    private String selectedId;
    /** What the live path reads off the page's thread: the scoped list query and each tab's, for relevance and the refresh. */
    private volatile MentionQuery watchedQuery = MentionQuery.everything();

    private volatile Map<String, MentionQuery> watchedCounts = Map.of();
    private volatile int watchedSize = PAGE;

    public InboxView(
            InboxQueries queries,
            InboxViews views,
            LiveInbox live,
            Conversations conversations,
            DeskNames names,
            Clock clock,
            AuthenticationContext authentication) {
        this.queries = queries;
        this.views = views;
        this.live = live;
        this.names = names;
        this.clock = clock;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        this.conversation = conversations.panel(user, next -> open(next.mentionId(), true));
        setSizeFull();
        addClassName("inbox-page");

        // Who is signed in, and logging out, are in the desk's frame (shell/DeskLayout).
        var logFeedback = new Anchor("log", "Log feedback");
        logFeedback.setId("log-feedback");
        var help = new Button("Keyboard shortcuts (?)", VaadinIcon.KEYBOARD.create(), event -> DeskKeys.help());
        help.setId("keyboard-help-open");
        help.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        total.setId("inbox-total");
        total.getElement().setAttribute("aria-live", "polite");
        var header = new HorizontalLayout(new H2("Inbox"), total, logFeedback, help);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(total);
        header.addClassName("inbox-header");

        tabs.setId("views");
        tabs.addClassName("views");
        tabs.getElement().setAttribute("role", "group");
        tabs.getElement().setAttribute("aria-label", "Views");

        search.setPlaceholder("Search what patients said");
        search.setAriaLabel("Search what patients said");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("inbox-search");
        search.addClassName("inbox-search");
        search.addValueChangeListener(event -> refresh());

        filterFields();
        filtersToggle.setId("filters-toggle");
        filtersToggle.getElement().setAttribute("aria-expanded", "false");
        filtersToggle.getElement().setAttribute("aria-controls", "filters");
        filtersToggle.addClickListener(event -> showFilters(!filters.isVisible()));
        var saveView = new Button("Save view", VaadinIcon.BOOKMARK.create(), event -> saveView());
        saveView.setId("save-view");
        var removeView = new Button("Remove view", VaadinIcon.TRASH.create(), event -> removeView());
        removeView.setId("remove-view");
        removeView.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var bar = new HorizontalLayout(search, filtersToggle, saveView, removeView);
        bar.setWidthFull();
        bar.expand(search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.addClassName("filter-bar");

        list.setId("inbox");
        list.addClassName("queue");
        list.getElement().setAttribute("aria-label", "Mentions, most urgent first");
        more.setId("inbox-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(event -> {
            shown += PAGE;
            refresh();
        });
        var queue = new Div(list, more);
        queue.addClassName("queue-column");
        pane.setId("inbox-pane");
        pane.addClassName("inbox-pane");
        pane.getElement().setAttribute("role", "region");
        pane.getElement().setAttribute("aria-label", "Conversation");
        paneEmpty.addClassName("pane-empty");
        conversation.backLink(false);
        pane.add(paneEmpty, conversation);
        var split = new Div(queue, pane);
        split.addClassName("inbox-split");

        add(header, tabs, bar, filters, split);
        expand(split);
        rebuildTabs();
        refresh();
        DeskKeys.listen(this, this::key);
    }

    private void filterFields() {
        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(DeskNames::channel);
        channels.setId("filter-channel");
        services.setItems(names.services());
        services.setItemLabelGenerator(DeskNames.ServiceChoice::path);
        services.setId("filter-service");
        services.setPlaceholder("Type a service's name");
        services.setMinWidth("18em");
        sentiments.setItems(Sentiment.Label.values());
        sentiments.setItemLabelGenerator(DeskNames::sentiment);
        sentiments.setId("filter-sentiment");
        urgencies.setItems(Urgency.Level.values());
        urgencies.setItemLabelGenerator(DeskNames::urgency);
        urgencies.setId("filter-urgency");
        statuses.setItems(MentionStatus.values());
        statuses.setItemLabelGenerator(DeskNames::status);
        statuses.setId("filter-status");
        var choices = new ArrayList<Assignee>();
        choices.add(new Assignee(user.getUsername(), "Me (" + names.staff(user.getUsername()) + ")"));
        choices.add(new Assignee(MentionQuery.UNASSIGNED, "Nobody (unassigned)"));
        names.colleagues().stream()
                .filter(colleague -> !colleague.username().equals(user.getUsername()))
                .forEach(colleague -> choices.add(new Assignee(colleague.username(), colleague.name())));
        assignee.setItems(choices);
        assignee.setItemLabelGenerator(Assignee::label);
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Anyone");
        assignee.setId("filter-assignee");
        from.setId("filter-from");
        to.setId("filter-to");
        channels.addValueChangeListener(event -> refresh());
        services.addValueChangeListener(event -> refresh());
        sentiments.addValueChangeListener(event -> refresh());
        urgencies.addValueChangeListener(event -> refresh());
        statuses.addValueChangeListener(event -> refresh());
        assignee.addValueChangeListener(event -> refresh());
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());
        var clear = new Button("Clear filters", event -> {
            channels.clear();
            services.clear();
            sentiments.clear();
            urgencies.clear();
            statuses.clear();
            assignee.clear();
            from.clear();
            to.clear();
        });
        clear.setId("filters-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var fields =
                new HorizontalLayout(channels, services, sentiments, urgencies, statuses, assignee, from, to, clear);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        filters.add(fields);
        filters.setId("filters");
        filters.addClassName("filters");
        filters.setVisible(false);
    }

    private void showFilters(boolean open) {
        filters.setVisible(open);
        filtersToggle.getElement().setAttribute("aria-expanded", Boolean.toString(open));
    }

    /** The selected saved view narrowed by the filter bar; the server adds the person's scope. */
    MentionQuery currentQuery() {
        int selected = selectedView;
        var view = selected >= 0 && selected < shownViews.size()
                ? shownViews.get(selected).query()
                : MentionQuery.everything();
        return InboxViews.refine(view, filterBar());
    }

    private MentionQuery filterBar() {
        var zone = ZoneId.of("Europe/London");
        String who = assignee.getValue() == null ? null : assignee.getValue().value();
        Set<String> serviceIds =
                services.getValue().stream().map(DeskNames.ServiceChoice::id).collect(Collectors.toSet());
        return new MentionQuery(
                search.getValue(),
                channels.getValue(),
                serviceIds,
                sentiments.getValue(),
                urgencies.getValue(),
                statuses.getValue(),
                who,
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                null);
    }

    private void rebuildTabs() {
        shownViews.clear();
        shownViews.addAll(views.viewsFor(user));
        tabs.removeAll();
        viewButtons.clear();
        for (int i = 0; i < shownViews.size(); i++) {
            int index = i;
            var view = shownViews.get(i);
            var tab = new Button(view.name(), event -> {
                selectView(index);
                refresh();
            });
            tab.setId("view-" + view.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
            tab.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            viewButtons.add(tab);
            tabs.add(tab);
        }
        selectView(Math.min(selectedView, shownViews.size() - 1));
    }

    /** Marks the chosen view: pressed (for screen readers) and highlighted. */
    private void selectView(int index) {
        selectedView = Math.max(0, index);
        for (int i = 0; i < viewButtons.size(); i++) {
            var button = viewButtons.get(i);
            boolean pressed = i == selectedView;
            button.getElement().setAttribute("aria-pressed", Boolean.toString(pressed));
            if (pressed) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                button.removeThemeVariants(ButtonVariant.LUMO_TERTIARY);
            } else {
                button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            }
        }
    }

    /** Searches again for what the page shows now (the person changed something): list, total and counts in one request. */
    private void refresh() {
        watch();
        apply(load());
    }

    /** What the live path may read off the page's thread. */
    private void watch() {
        var scope = queries.scopeOf(user).services();
        watchedQuery = currentQuery().within(scope);
        var counts = new LinkedHashMap<String, MentionQuery>();
        for (int i = 0; i < shownViews.size(); i++) {
            counts.put(Integer.toString(i), shownViews.get(i).query().within(scope));
        }
        watchedCounts = Map.copyOf(counts);
        watchedSize = shown;
    }

    /** One search: the list, its total and every tab's count. Safe off the page's thread. */
    private Loaded load() {
        MentionSearch.CountedPage found = queries.searchCounting(user, watchedQuery, 0, watchedSize, watchedCounts);
        return new Loaded(found.page().mentions(), found.page().total(), found.counts());
    }

    /**
     * Shows what a search brought back, changing only what changed: a row whose mention shows the
     * same as before is kept, and nothing at all is sent when nothing changed (most live refreshes of
     * a long list), so a busy inbox costs the browser and the push little.
     */
    private void apply(Loaded loaded) {
        setText(total, loaded.total() == 1 ? "1 mention" : loaded.total() + " mentions");
        for (int i = 0; i < shownViews.size() && i < viewButtons.size(); i++) {
            Long count = loaded.counts().get(Integer.toString(i));
            var tab = viewButtons.get(i);
            String label = shownViews.get(i).name() + (count == null ? "" : " (" + count + ")");
            if (!label.equals(tab.getText())) {
                tab.setText(label);
            }
        }
        var now = clock.instant();
        Map<String, QueueRow> before =
                rows.stream().collect(Collectors.toMap(row -> row.mention().mentionId(), row -> row, (a, b) -> a));
        var fresh = new ArrayList<QueueRow>();
        for (var mention : loaded.mentions()) {
            var shown = QueueRow.Shown.of(mention, names, now);
            var kept = before.get(mention.mentionId());
            fresh.add(kept != null && kept.shown().equals(shown) ? kept : row(mention, shown));
        }
        more.setVisible(loaded.total() > loaded.mentions().size());
        if (fresh.equals(rows) && !(rows.isEmpty() && list.getComponentCount() == 0)) {
            return;
        }
        list.removeAll();
        rows.clear();
        rows.addAll(fresh);
        rows.forEach(row -> row.selected(row.mention().mentionId().equals(selectedId)));
        rows.forEach(list::add);
        if (rows.isEmpty()) {
            var none = new com.vaadin.flow.component.html.ListItem(
                    "Nothing here: no mention matches this view and these filters.");
            none.addClassName("queue-none");
            list.add(none);
        }
    }

    private QueueRow row(MentionDocument mention, QueueRow.Shown shown) {
        var row = new QueueRow(mention, shown);
        String newTab =
                "(event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) ? 'new-tab' : event.preventDefault()";
        row.getElement()
                .addEventListener("click", event -> {
                    var where = event.getEventData().get(newTab);
                    if (where == null || !"new-tab".equals(where.asString())) {
                        width = event.getEventData().get("window.innerWidth").asInt();
                        select(row, false);
                        open(row.mention().mentionId(), false);
                    }
                })
                .addEventData(newTab)
                .addEventData("window.innerWidth");
        return row;
    }

    private static void setText(Span span, String text) {
        if (!text.equals(span.getText())) {
            span.setText(text);
        }
    }

    private void key(DeskKeys.Pressed pressed) {
        width = pressed.width();
        switch (pressed.key()) {
            case "j", "ArrowDown" -> move(1);
            case "k", "ArrowUp" -> move(-1);
            case "o", "Enter" ->
                selectedRow().ifPresent(row -> open(row.mention().mentionId(), false));
            case "u" -> mostUrgentUnanswered().ifPresent(mention -> open(mention.mentionId(), true));
            case "r" -> whenOpen(ConversationPanel::focusReply);
            case "a" -> whenOpen(ConversationPanel::assignToMe);
            case "s" -> whenOpen(ConversationPanel::openStatus);
            case "n" -> whenOpen(ConversationPanel::openOffered);
            case "/" -> search.focus();
            case "?" -> DeskKeys.help();
            default -> {}
        }
    }

    private void move(int by) {
        if (rows.isEmpty()) {
            return;
        }
        int at = selectedRow().map(rows::indexOf).orElse(by > 0 ? -1 : rows.size());
        var row = rows.get(Math.max(0, Math.min(rows.size() - 1, at + by)));
        select(row, true);
        if (wide()) {
            open(row.mention().mentionId(), false);
        }
    }

    private void select(QueueRow row, boolean focus) {
        selectedId = row.mention().mentionId();
        rows.forEach(each -> each.selected(each == row));
        if (focus) {
            row.focus();
        }
    }

    private Optional<QueueRow> selectedRow() {
        return rows.stream()
                .filter(row -> row.mention().mentionId().equals(selectedId))
                .findFirst();
    }

    /** The most urgent mention of this view that nobody has answered yet, longest waiting first. */
    private Optional<MentionDocument> mostUrgentUnanswered() {
        var view = currentQuery();
        var unanswered = new MentionQuery(
                view.words(),
                view.channels(),
                view.services(),
                view.sentiments(),
                view.urgencies(),
                Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS),
                view.assignee(),
                view.publishedFrom(),
                view.publishedBefore(),
                null);
        return queries.search(user, unanswered, 0, 1).mentions().stream().findFirst();
    }

    /**
     * Opens a mention: beside the list on a wide screen, on its own page on a narrow one.
     *
     * @param reselect whether to move the list's selection to it (when it was not picked in the list)
     */
    private void open(String mentionId, boolean reselect) {
        if (!wide()) {
            getUI().ifPresent(ui -> ui.navigate("conversation/" + mentionId));
            return;
        }
        var found = queries.find(user, mentionId);
        if (found.isEmpty()) {
            Notification.show("This mention is no longer yours", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        if (reselect) {
            selectedId = mentionId;
            rows.forEach(row -> row.selected(row.mention().mentionId().equals(mentionId)));
        }
        paneEmpty.setVisible(false);
        conversation.queue(currentQuery());
        conversation.show(found.get());
    }

    private void whenOpen(java.util.function.Consumer<ConversationPanel> action) {
        if (conversation.shown().isPresent() && conversation.isVisible()) {
            action.accept(conversation);
        }
    }

    private boolean wide() {
        return width >= SPLIT_FROM;
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
                    selectView(shownViews.size() - 1);
                    refresh();
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
        int selected = selectedView;
        if (selected < 0 || selected >= shownViews.size()) {
            return;
        }
        var view = shownViews.get(selected);
        if (view.builtIn() || !user.getUsername().equals(view.owner())) {
            Notification.show("Only whoever saved a view can remove it", 4000, Notification.Position.BOTTOM_START);
            return;
        }
        views.remove(user, view.id());
        selectedView = 0;
        rebuildTabs();
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        // Decided from the announcement on the listener's thread; the search runs on LiveInbox's, at most once a
        // second.
        unsubscribe.add(live.open(
                mention -> InboxRelevance.affects(watchedQuery, mention)
                        || InboxRelevance.affectsAny(watchedCounts.values(), mention),
                () -> {
                    var asked = watchedQuery;
                    var loaded = load();
                    ui.access(() -> {
                        // The person changed the view meanwhile: their own search has shown it already.
                        if (asked == watchedQuery) {
                            apply(loaded);
                        }
                    });
                }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }
}
