package org.heard.desk.channels;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.heard.desk.channels.ChannelOverview.AccountLine;

/**
 * Every channel account's state for admins, and read-only for responders, who are the first to
 * wonder why no tweets arrive. Updated by server push when an ingest instance reports (every
 * instance reports on change and at least every 30 s, so "no report since …" moves with them); no
 * timer of its own keeps an idle page busy.
 */
@Route("admin/channels")
@PageTitle("Channels · Heard")
@Menu(title = "Channels", order = 90)
@RolesAllowed({"ADMIN", "RESPONDER"})
public class ChannelsView extends VerticalLayout {

    private final ChannelBoard board;
    private final ChannelBacklog backlog;
    private final ChannelOverview overview;
    private final Clock clock;
    private final Div accounts = new Div();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    ChannelsView(ChannelBoard board, ChannelBacklog backlog, ChannelsPageSettings settings, Clock clock) {
        this.board = board;
        this.backlog = backlog;
        this.clock = clock;
        this.overview = new ChannelOverview(settings, ZoneId.of("Europe/London"));
        accounts.setId("channels");
        accounts.setWidthFull();
        add(
                new Anchor("", "← Inbox"),
                new H2("Channels"),
                new Paragraph("Each mailbox and account Heard listens on, as the ingest instances report it. "
                        + "Settings change in the deployment (deploy/configuration.md), not here."),
                accounts);
        refresh();
    }

    private void refresh() {
        accounts.removeAll();
        var reports = board.reports();
        if (reports.isEmpty()) {
            var none = new Paragraph(
                    "No channel reports yet. Is an ingest instance running (heard.roles including ingest)? "
                            + "Its first report arrives within seconds of its start.");
            none.setId("channels-none");
            accounts.add(none);
            return;
        }
        for (var line : overview.lines(reports, backlog.unansweredByAccount(), clock.instant())) {
            accounts.add(card(line));
        }
    }

    private static Div card(AccountLine line) {
        var card = new Div();
        card.setId(line.key());
        card.addClassName("channel-account");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)");
        var state = new Span(line.state());
        state.addClassName("channel-state");
        state.getElement()
                .getThemeList()
                .add("badge "
                        + switch (line.tone()) {
                            case "alarm" -> "error";
                            case "warning" -> "contrast";
                            default -> "success";
                        });
        // Every text here came from configuration or a provider's answer: shown as text, never as HTML.
        card.add(new H3(line.channel() + " · " + line.account()), state);
        if (line.detail() != null && !line.detail().isBlank()) {
            card.add(paragraph("channel-detail", line.detail()));
        }
        if (line.fix() != null) {
            card.add(paragraph("channel-fix", line.fix()));
        }
        card.add(paragraph("channel-fetch", line.lastFetch()), paragraph("channel-backlog", line.backlog()));
        for (var warning : line.warnings()) {
            var paragraph = paragraph("channel-warning", "⚠ " + warning);
            paragraph.getStyle().set("color", "var(--lumo-error-text-color)");
            card.add(paragraph);
        }
        var reported = paragraph("channel-reported", line.reportedBy());
        reported.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        card.add(reported);
        return card;
    }

    private static Paragraph paragraph(String className, String text) {
        var paragraph = new Paragraph();
        paragraph.setText(text);
        paragraph.addClassName(className);
        paragraph.getStyle().set("margin", "var(--lumo-space-xs) 0");
        return paragraph;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unsubscribe.add(board.subscribe(() -> ui.access(this::refresh)));
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
    }
}
