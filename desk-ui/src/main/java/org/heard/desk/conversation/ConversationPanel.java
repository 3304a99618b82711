package org.heard.desk.conversation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.naming.Waiting;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;

/**
 * One conversation: header, thread with the evidence behind its tags, composer, tag corrections,
 * history and who else is here. Made once per page; {@link #show} switches it to another mention
 * (the inbox's split view does, as staff work down the queue). Its live listeners are registered
 * when it attaches and removed when it detaches, never once per mention shown.
 */
public final class ConversationPanel extends VerticalLayout {

    /** Opens another mention: beside the inbox, or on its own page. */
    public interface Opener {
        void open(MentionDocument mention);
    }

    static final Set<MentionStatus> UNANSWERED = Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS);

    private final Conversations desk;
    private final StaffUser user;
    private final Opener opener;
    private final String visitId = UUID.randomUUID().toString();
    private final ConversationHeader header;
    private final Span presenceLine = new Span();
    private final ThreadPanel thread;
    private final Composer composer;
    private final TagCorrections corrections;
    private final HistoryPanel history;
    private final Div next = new Div();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    private MentionDocument mention;
    private MentionQuery queue = MentionQuery.everything();

    ConversationPanel(Conversations desk, StaffUser user, Opener opener) {
        this.desk = desk;
        this.user = user;
        this.opener = opener;
        setPadding(false);
        addClassName("conversation");
        header = new ConversationHeader(desk.names, this::changeStatus, this::assignToMe);
        presenceLine.setId("presence");
        presenceLine.addClassName("presence");
        presenceLine.getElement().setAttribute("aria-live", "polite");
        thread = new ThreadPanel(desk.names, desk.clock);
        composer = new Composer(desk.replies, desk.presence, user, visitId, new Composer.Outcomes() {
            @Override
            public void sent(String message) {
                notify(message, false);
                reload();
                offerNext();
            }

            @Override
            public void failed(String message) {
                notify(message, true);
            }

            @Override
            public void unconfirmed(String message) {
                notify(message, true);
                reload();
            }

            @Override
            public void note(String text) {
                act(id -> desk.work.note(user, id, text), "Note added");
            }

            private void notify(String message, boolean error) {
                ConversationPanel.notify(message, error);
            }
        });
        corrections = new TagCorrections(desk.names, desk.work, user, this::act);
        history = new HistoryPanel(desk.names);
        next.setId("next-mention");
        next.addClassName("next-mention");
        next.setVisible(false);
        add(header, presenceLine, thread, composer, next, corrections, history);
        setVisible(false);
    }

    /** Shows a mention the person may see (the caller found it in their scope), and records that they opened it. */
    public void show(MentionDocument shown) {
        // Recorded before anything of it is shown; when the trail cannot take it, nothing changes here.
        desk.audit.record(
                user.getUsername(), AuditAction.CONVERSATION_OPENED, shown.mentionId(), shown.conversationId(), "");
        String before = mention == null ? null : mention.mentionId();
        mention = shown;
        if (before != null && !before.equals(shown.mentionId())) {
            desk.presence.left(before, visitId);
        }
        if (isAttached() && !shown.mentionId().equals(before)) {
            desk.presence.viewing(shown.mentionId(), visitId, user.getUsername(), user.displayName());
        }
        next.setVisible(false);
        composer.show(shown);
        corrections.show(shown);
        header.actions().removeAll();
        header.actions().add(RevealIdentity.of(shown));
        refresh();
        showPresence();
        setVisible(true);
    }

    /** The queue the person works through (the inbox view's query): "next" means the next in it. */
    public void queue(MentionQuery query) {
        this.queue = query == null ? MentionQuery.everything() : query;
    }

    public Optional<MentionDocument> shown() {
        return Optional.ofNullable(mention);
    }

    /** Whether the link back to the inbox shows (not beside the inbox). */
    public void backLink(boolean shown) {
        header.backLink(shown);
    }

    public void focusReply() {
        if (mention != null) {
            composer.focusDraft();
        }
    }

    public void openStatus() {
        if (mention != null) {
            header.openStatus();
        }
    }

    public void assignToMe() {
        act(id -> desk.work.assign(user, id, user.getUsername()), "Assigned to you");
    }

    /** The most urgent unanswered mention of the queue after this one, longest waiting first; empty when there is none. */
    public Optional<MentionDocument> nextMostUrgent() {
        var unanswered = new MentionQuery(
                queue.words(),
                queue.channels(),
                queue.services(),
                queue.sentiments(),
                queue.urgencies(),
                UNANSWERED,
                queue.assignee(),
                queue.publishedFrom(),
                queue.publishedBefore(),
                null);
        String current = mention == null ? null : mention.mentionId();
        return desk.queries.search(user, unanswered, 0, 2).mentions().stream()
                .filter(found -> !found.mentionId().equals(current))
                .findFirst();
    }

    /** Places for other features' actions on the conversation (revealing a masked patient, for example). */
    public Div actions() {
        return header.actions();
    }

    private void changeStatus(MentionStatus status) {
        act(id -> desk.work.changeStatus(user, id, status), "Status changed to " + DeskNames.status(status));
    }

    private void act(Function<String, MentionWork.Outcome> action, String done) {
        if (mention == null) {
            return;
        }
        switch (action.apply(mention.mentionId())) {
            case MentionWork.Outcome.Done ok -> {
                notify(done, false);
                reload();
            }
            case MentionWork.Outcome.Refused refused -> notify(refused.reason(), true);
            case MentionWork.Outcome.NotFound notFound -> notify("This mention is no longer yours", true);
        }
    }

    /** Reads the mention again after a change, and shows it (the header's status and assignee, the history). */
    private void reload() {
        desk.queries.find(user, mention.mentionId()).ifPresent(fresh -> mention = fresh);
        refresh();
    }

    private void refresh() {
        header.show(mention);
        var seen = desk.history.of(user, mention.conversationId());
        thread.show(seen.mentions().isEmpty() ? List.of(mention) : seen.mentions());
        history.show(mention, seen.history());
    }

    private void refreshHistory() {
        if (mention != null) {
            history.show(
                    mention, desk.history.of(user, mention.conversationId()).history());
        }
    }

    /** After a reply: the next most urgent unanswered mention, one key or click away. */
    private void offerNext() {
        next.removeAll();
        var found = nextMostUrgent();
        if (found.isEmpty()) {
            next.add(new Paragraph("Nothing else is waiting for an answer here."));
        } else {
            var waiting = found.get();
            var line = new Paragraph("Next most urgent: "
                    + (waiting.author() == null ? "Anonymous" : waiting.author().label())
                    + " · "
                    + (waiting.urgency() == null
                            ? ""
                            : DeskNames.urgency(waiting.urgency().level()) + " · ")
                    + "waiting " + Waiting.since(waiting.publishedAt(), desk.clock.instant()));
            var open = new Button("Open next (n)", event -> opener.open(waiting));
            open.setId("open-next");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            next.add(line, open);
        }
        next.setVisible(true);
    }

    /** Opens the next mention offered after a reply, if one is. */
    public void openOffered() {
        if (next.isVisible()) {
            nextMostUrgent().ifPresent(opener::open);
        }
    }

    private void showPresence() {
        if (mention == null) {
            return;
        }
        var others = desk.presence.othersOn(mention.mentionId(), visitId);
        presenceLine.setText(others.stream()
                .map(other -> other.displayName() + (other.drafting() ? " is drafting a reply" : " is viewing this"))
                .distinct()
                .collect(Collectors.joining("; ")));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        if (mention != null) {
            desk.presence.viewing(mention.mentionId(), visitId, user.getUsername(), user.displayName());
        }
        unsubscribe.add(desk.presence.subscribe(changed -> {
            if (mention != null && changed.equals(mention.mentionId())) {
                ui.access(this::showPresence);
            }
        }));
        unsubscribe.add(desk.tracker.subscribe(outcome -> {
            if (outcome.replyId() != null && mention != null) {
                ui.access(this::refreshHistory);
            }
        }));
        showPresence();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        if (mention != null) {
            desk.presence.left(mention.mentionId(), visitId);
        }
    }

    /** How many live listeners this panel holds (one per source while attached): for tests. */
    int listeners() {
        return unsubscribe.size();
    }

    static void notify(String message, boolean error) {
        var notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
