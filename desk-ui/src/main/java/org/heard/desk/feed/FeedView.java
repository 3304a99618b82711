package org.heard.desk.feed;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.heard.contracts.ServiceTag;
import org.heard.desk.inbox.MentionFeed;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.naming.Chips;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.springframework.beans.factory.ObjectProvider;

/** The newest mentions of my services, live. Patient text is only ever set as text. */
@Route("feed")
@PageTitle("My services · Heard")
@Menu(title = "My services feed", order = 5)
@PermitAll
public class FeedView extends VerticalLayout {

    static final int SHOWN = 50;
    static final Duration RECENT = Duration.ofDays(7);
    private static final int EXCERPT = 160;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.of("Europe/London"));

    private final InboxQueries queries;
    private final ObjectProvider<MentionFeed> feed;
    private final DeskNames names;
    private final StaffUser user;
    private final VerticalLayout entries = new VerticalLayout();
    private final Set<String> shown = new HashSet<>();
    private Runnable unsubscribe = () -> {};

    public FeedView(
            InboxQueries queries,
            ObjectProvider<MentionFeed> feed,
            DeskNames names,
            Clock clock,
            AuthenticationContext authentication) {
        this.queries = queries;
        this.feed = feed;
        this.names = names;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        entries.setId("feed");
        entries.setPadding(false);
        addClassName("feed-page");
        var scope = queries.scopeOf(user);
        var intro = new Paragraph(
                scope.everything()
                        ? "New mentions of every service, newest first, as they arrive."
                        : "New mentions of your services ("
                                + String.join(
                                        ", ",
                                        scope.services().stream()
                                                .map(names::service)
                                                .sorted()
                                                .toList()) + "), newest first, as they arrive.");
        add(new H2("My services"), intro, entries);
        var since = new MentionQuery(
                null, null, null, null, null, null, null, clock.instant().minus(RECENT), null, null);
        queries.search(user, since, 0, SHOWN).mentions().stream()
                .sorted(Comparator.comparing(
                        MentionDocument::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(mention -> {
                    shown.add(mention.mentionId());
                    entries.add(card(mention));
                });
        if (shown.isEmpty()) {
            entries.add(new Span("Nothing in the last " + RECENT.toDays() + " days yet."));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        var scope = queries.scopeOf(user);
        feed.ifAvailable(mentions -> unsubscribe = mentions.subscribe(triaged -> {
            // A mention of another service is passed over from its announcement, without a read.
            if (!scope.everything()
                    && triaged.services().stream().map(ServiceTag::serviceId).noneMatch(scope.services()::contains)) {
                return;
            }
            // Scope is checked again by the query, outside the UI lock; only what this person may see is pushed.
            var mention = queries.find(user, triaged.mentionId().value());
            mention.ifPresent(found -> ui.access(() -> prepend(found)));
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.run();
    }

    private void prepend(MentionDocument mention) {
        if (!shown.add(mention.mentionId())) {
            return;
        }
        if (shown.size() == 1) {
            entries.removeAll();
        }
        entries.addComponentAsFirst(card(mention));
        while (entries.getComponentCount() > SHOWN) {
            entries.remove(entries.getComponentAt(entries.getComponentCount() - 1));
        }
    }

    private Component card(MentionDocument mention) {
        var card = new VerticalLayout();
        card.addClassName("feed-entry");
        card.getElement().setAttribute("data-mention-id", mention.mentionId());
        card.setSpacing(false);
        card.addClassNames(LumoUtility.Border.BOTTOM, LumoUtility.Padding.Vertical.SMALL);
        var line = new HorizontalLayout();
        line.getStyle().set("flex-wrap", "wrap");
        line.add(new Span(mention.publishedAt() == null ? "" : WHEN.format(mention.publishedAt())));
        line.add(Chips.channel(mention.channel()));
        if (mention.services() != null) {
            mention.services().stream()
                    .map(ServiceTag::serviceId)
                    .map(names::service)
                    .distinct()
                    .forEach(service -> line.add(Chips.chip(service, "badge contrast")));
        }
        if (mention.urgency() != null) {
            line.add(Chips.urgency(mention.urgency().level()));
        }
        if (mention.sentiment() != null) {
            line.add(Chips.sentiment(mention.sentiment().label()));
        }
        var open = new Anchor(
                "conversation/" + mention.mentionId(),
                "Open "
                        + (mention.author() == null
                                ? "the conversation"
                                : mention.author().label()));
        open.addClassName("feed-open");
        line.add(open);
        String text = (mention.subject() == null || mention.subject().isBlank() ? "" : mention.subject() + " — ")
                + (mention.text() == null ? "" : mention.text());
        var excerpt = new Span(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        excerpt.addClassName("feed-text");
        card.add(line, excerpt);
        return card;
    }
}
