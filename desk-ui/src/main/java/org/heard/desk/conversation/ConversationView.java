package org.heard.desk.conversation;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.presence.Presence;
import org.heard.desk.reply.DraftReview;
import org.heard.desk.reply.DraftWarning;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.ReplyTracker;
import org.heard.desk.reply.SendAttempt;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;

/** A conversation and its composer. Outside text is only ever set as text. */
@Route("conversation/:mentionId")
@PageTitle("Conversation · Heard")
@PermitAll
public class ConversationView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final InboxQueries queries;
    private final MentionWork work;
    private final ReplyDesk replies;
    private final ReplyTracker tracker;
    private final ActivityLog activity;
    private final Presence presence;
    private final AuditTrail audit;
    private final Clock clock;
    private final StaffUser user;
    private final String visitId = UUID.randomUUID().toString();

    private final Span presenceLine = new Span();
    private final VerticalLayout thread = new VerticalLayout();
    private final VerticalLayout history = new VerticalLayout();
    private final TextArea storyText = new TextArea();
    private final VerticalLayout storyPublishingBox = new VerticalLayout();
    private final Div tags = new Div();
    private final TextArea draft = new TextArea("Your reply");
    private final Checkbox privately = new Checkbox("Reply privately");
    private final Span counter = new Span();
    private final Paragraph signaturePreview = new Paragraph();
    private final VerticalLayout warnings = new VerticalLayout();
    private final Button send = new Button("Send");
    private final Select<MentionStatus> status = new Select<>();
    private final List<Runnable> unsubscribe = new ArrayList<>();

    private MentionDocument mention;
    private boolean warningsShown;

    public ConversationView(InboxQueries queries, MentionWork work, ReplyDesk replies, ReplyTracker tracker, ActivityLog activity,
            Presence presence, AuditTrail audit, Clock clock, AuthenticationContext authentication) {
        this.queries = queries;
        this.work = work;
        this.replies = replies;
        this.tracker = tracker;
        this.activity = activity;
        this.presence = presence;
        this.audit = audit;
        this.clock = clock;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        setWidthFull();
        presenceLine.setId("presence");
        presenceLine.addClassNames(LumoUtility.TextColor.WARNING, LumoUtility.FontWeight.SEMIBOLD);
        thread.setId("thread");
        history.setId("history");
        tags.setId("tags");
        draft.setId("draft");
        draft.setWidthFull();
        draft.setMinHeight("8em");
        draft.setValueChangeMode(ValueChangeMode.LAZY);
        draft.setValueChangeTimeout(300);
        draft.addValueChangeListener(event -> {
            presence.drafting(mention.mentionId(), visitId, user.getUsername(), user.displayName(), !draft.getValue().isBlank());
            review();
        });
        privately.setId("privately");
        privately.addValueChangeListener(event -> review());
        counter.setId("counter");
        signaturePreview.setId("signature");
        signaturePreview.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Whitespace.PRE_LINE);
        warnings.setId("warnings");
        warnings.setPadding(false);
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(event -> send());
        status.setLabel("Status");
        status.setId("status");
        status.setItems(MentionStatus.values());
        status.setItemLabelGenerator(MentionStatus::wire);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String mentionId = event.getRouteParameters().get("mentionId").orElse("");
        var found = queries.find(user, mentionId);
        if (found.isEmpty()) {
            removeAll();
            add(new H2("Not found"), new Paragraph("There is no such mention, or it is not one of your services."), new Anchor("", "Back to the inbox"));
            return;
        }
        mention = found.get();
        audit.record(user.getUsername(), AuditAction.CONVERSATION_OPENED, mention.mentionId(), mention.conversationId(), "");
        build();
    }

    private void build() {
        removeAll();
        var back = new Anchor("", "← Inbox");
        var title = new H2(mention.author() == null ? "Conversation" : mention.author().label() + " on " + mention.channel().wire());
        status.setValue(mention.status() == null ? MentionStatus.NEW : mention.status());
        status.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                outcome(work.changeStatus(user, mention.mentionId(), event.getValue()), "Status changed");
            }
        });
        var take = new Button("Assign to me", event -> outcome(work.assign(user, mention.mentionId(), user.getUsername()), "Assigned to you"));
        take.setId("assign-me");
        var header = new HorizontalLayout(back, title, status, take, RevealIdentity.of(mention));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, presenceLine, thread, tags, composer(), new H3("History"), history);
        refreshThread();
        refreshHistory();
        review();
    }

    private Component composer() {
        var box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3("Reply on " + channelName(mention.channel())));
        switch (mention.channel()) {
            case TWITTER -> privately.setLabel("Reply by direct message (private)");
            case EMAIL -> privately.setVisible(false);
            case STORY -> privately.setVisible(false);
            default -> privately.setVisible(false);
        }
        if (mention.channel() == Channel.EMAIL && mention.subject() != null) {
            var subject = new Span("Subject: Re: " + mention.subject().replaceFirst("(?i)^re:\\s*", ""));
            subject.setId("reply-subject");
            box.add(subject);
        }
        if (mention.channel() == Channel.STORY) {
            box.add(new Paragraph("Your response is published on the story site after its moderation; it shows here as "
                    + "awaiting publication until the site has it."));
            box.add(storyPublishing());
        }
        if (!mention.channel().online()) {
            box.add(new Paragraph("This feedback was given by " + mention.channel().wire()
                    + ". Write what you said or sent; it is recorded as answered by " + mention.channel().wire() + "."));
            send.setText("Record reply");
        }
        var note = new TextField();
        note.setPlaceholder("Internal note (never sent)");
        note.setId("note");
        note.setWidthFull();
        var addNote = new Button("Add note", event -> {
            outcome(work.note(user, mention.mentionId(), note.getValue()), "Note added");
            note.clear();
        });
        addNote.setId("add-note");
        var noteRow = new HorizontalLayout(note, addNote);
        noteRow.setWidthFull();
        noteRow.expand(note);
        var sendRow = new HorizontalLayout(send, privately, counter);
        sendRow.setAlignItems(FlexComponent.Alignment.CENTER);
        box.add(draft, signaturePreview, warnings, sendRow, noteRow);
        return box;
    }

    private void review() {
        if (mention == null) {
            return;
        }
        DraftReview review = replies.review(user, mention, draft.getValue(), privately.getValue());
        counter.setText(review.limit() > 0 ? review.length() + " / " + review.limit() : review.length() + " characters");
        counter.getElement().getThemeList().clear();
        counter.getElement().getThemeList().add(review.blocked().isPresent() && !draft.getValue().isBlank() ? "badge error" : "badge");
        signaturePreview.setText("Signed: " + review.signed().substring(Math.min(review.signed().length(), draft.getValue().strip().length())).strip());
        showWarnings(review.warnings(), review.blocked().filter(reason -> !draft.getValue().isBlank()).orElse(null));
        warningsShown = false;
        send.setText(mention.channel().online() ? "Send" : "Record reply");
    }

    private void showWarnings(List<DraftWarning> found, String blocked) {
        warnings.removeAll();
        if (blocked != null) {
            var line = new Span(blocked);
            line.getElement().getThemeList().add("badge error");
            line.addClassName("blocked");
            warnings.add(line);
        }
        for (var warning : found) {
            var line = new Span(warning.message());
            line.getElement().getThemeList().add("badge warning");
            line.addClassName("warning-" + warning.kind());
            line.getStyle().set("white-space", "normal");
            warnings.add(line);
        }
    }

    private void send() {
        var attempt = replies.send(user, mention.mentionId(), draft.getValue(), privately.getValue(), warningsShown);
        switch (attempt) {
            case SendAttempt.NeedsConfirmation confirm -> {
                showWarnings(confirm.warnings(), null);
                warningsShown = true;
                send.setText("Send anyway");
                send.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            case SendAttempt.Blocked blocked -> notify(blocked.reason(), true);
            case SendAttempt.NotFound notFound -> notify("This mention is no longer yours to answer", true);
            case SendAttempt.Requested requested -> {
                if (mention.channel() == Channel.STORY) {
                    readyToPaste(requested.text());
                }
                sent(mention.channel() == Channel.STORY
                        ? "Ready for the story site: paste it on the story's respond page; it shows as awaiting publication until the site has it"
                        : "Reply handed to " + channelName(mention.channel()));
            }
            case SendAttempt.RecordedOffline offline -> sent("Recorded as answered by " + mention.channel().wire());
        }
    }

    /**
     * The story site has no API to post: the response is published by a person on the site. After
     * Send, the desk shows the text ready to paste and a link to the story's respond page; the
     * channel reconciles the published response with this draft.
     */
    private Component storyPublishing() {
        storyText.setReadOnly(true);
        storyText.setWidthFull();
        storyText.setLabel("Your response, ready to paste");
        storyText.setId("story-response-text");
        String respondUrl = mention.attributes().get("respondUrl");
        var open = new Anchor(respondUrl == null ? "" : respondUrl, "Open the story's respond page");
        open.setTarget(AnchorTarget.BLANK);
        open.setId("story-respond-link");
        open.setVisible(respondUrl != null && !respondUrl.isBlank());
        var copy = new Button("Copy", event -> storyText.getElement()
                .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", storyText.getValue()));
        storyPublishingBox.add(storyText, new HorizontalLayout(open, copy));
        storyPublishingBox.setPadding(false);
        storyPublishingBox.setVisible(false);
        storyPublishingBox.setId("story-publishing");
        return storyPublishingBox;
    }

    private void readyToPaste(String text) {
        storyText.setValue(text);
        storyPublishingBox.setVisible(true);
    }

    private void sent(String message) {
        notify(message, false);
        draft.clear();
        send.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        presence.drafting(mention.mentionId(), visitId, user.getUsername(), user.displayName(), false);
        queries.find(user, mention.mentionId()).ifPresent(fresh -> {
            mention = fresh;
            status.setValue(fresh.status() == null ? MentionStatus.NEW : fresh.status());
        });
        refreshHistory();
    }

    private void outcome(MentionWork.Outcome outcome, String done) {
        switch (outcome) {
            case MentionWork.Outcome.Done ok -> {
                notify(done, false);
                queries.find(user, mention.mentionId()).ifPresent(fresh -> mention = fresh);
                refreshThread();
                refreshHistory();
            }
            case MentionWork.Outcome.Refused refused -> notify(refused.reason(), true);
            case MentionWork.Outcome.NotFound notFound -> notify("This mention is no longer yours", true);
        }
    }

    private void refreshThread() {
        thread.removeAll();
        for (var message : queries.thread(user, mention)) {
            var card = new VerticalLayout();
            card.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Padding.SMALL);
            card.setSpacing(false);
            var from = new Span((message.author() == null ? "Anonymous" : message.author().label()) + " · "
                    + WHEN.format(message.publishedAt()) + " · " + InboxWaiting.of(message, clock));
            from.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            card.add(from);
            if (message.subject() != null && !message.subject().isBlank()) {
                card.add(new Span(message.subject()));
            }
            var text = new Paragraph(message.text());
            text.addClassName("mention-text");
            text.addClassNames(LumoUtility.Whitespace.PRE_LINE);
            card.add(text, tagLine(message));
            thread.add(card);
        }
        tags.removeAll();
        tags.add(corrections());
    }

    private Component tagLine(MentionDocument message) {
        var line = new HorizontalLayout();
        line.getStyle().set("flex-wrap", "wrap");
        if (message.sentiment() != null) {
            line.add(badge("Sentiment: " + message.sentiment().label().wire() + evidence(message.sentiment().evidence())));
        }
        if (message.urgency() != null) {
            line.add(badge("Urgency: " + message.urgency().level().wire() + evidence(message.urgency().reasons())));
        }
        if (message.services() != null) {
            for (var service : message.services()) {
                line.add(badge("Service: " + service.serviceId() + evidence(service.evidence())));
            }
        }
        return line;
    }

    private Component corrections() {
        var sentiment = new Select<Sentiment.Label>();
        sentiment.setLabel("Correct sentiment");
        sentiment.setId("correct-sentiment");
        sentiment.setItems(Sentiment.Label.values());
        sentiment.setItemLabelGenerator(Sentiment.Label::wire);
        sentiment.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                outcome(work.correctSentiment(user, mention.mentionId(), event.getValue()), "Sentiment corrected");
            }
        });
        var urgency = new Select<Urgency.Level>();
        urgency.setLabel("Correct urgency");
        urgency.setId("correct-urgency");
        urgency.setItems(Urgency.Level.values());
        urgency.setItemLabelGenerator(Urgency.Level::wire);
        urgency.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                outcome(work.correctUrgency(user, mention.mentionId(), event.getValue()), "Urgency corrected");
            }
        });
        var service = new TextField("Correct service");
        service.setId("correct-service");
        service.setPlaceholder("service id");
        var setService = new Button("Set", event -> {
            if (!service.getValue().isBlank()) {
                outcome(work.correctService(user, mention.mentionId(), service.getValue().strip()), "Service corrected");
            }
        });
        var change = new Select<MentionResponse.Change>();
        change.setLabel("Led to a change");
        change.setId("mark-change");
        change.setItems(MentionResponse.Change.values());
        change.setItemLabelGenerator(mark -> mark == MentionResponse.Change.MADE ? "change made" : "change planned");
        if (mention.response() != null && mention.response().change() != null) {
            change.setValue(mention.response().change());
        }
        change.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                outcome(work.markChange(user, mention.mentionId(), event.getValue()), "Marked: " + change.getItemLabelGenerator().apply(event.getValue()));
            }
        });
        var row = new HorizontalLayout(sentiment, urgency, service, setService, change);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refreshHistory() {
        history.removeAll();
        var entries = queries.history(user, mention.conversationId());
        Map<String, String> delivery = new HashMap<>();
        for (var entry : entries) {
            if (entry.kind() == Activity.Kind.REPLY_SENT) {
                delivery.put(entry.detail("replyId"), "sent " + WHEN.format(entry.at())
                        + (entry.detail("externalId") == null || entry.detail("externalId").isBlank() ? "" : " (" + entry.detail("externalId") + ")"));
            } else if (entry.kind() == Activity.Kind.REPLY_FAILED) {
                delivery.merge(entry.detail("replyId"),
                        ("true".equals(entry.detail("retryable")) ? "failed, can be retried: " : "failed: ") + entry.text(),
                        (old, failed) -> old.startsWith("sent") ? old : failed);
            }
        }
        for (var entry : entries) {
            String line = switch (entry.kind()) {
                case NOTE -> "Note by " + entry.actor() + ": " + entry.text();
                case STATUS_CHANGED -> entry.actor() + " set the status to " + entry.text();
                case ASSIGNED -> entry.actor() + " assigned it to " + entry.text();
                case TAG_CORRECTED -> entry.actor() + " corrected " + entry.detail("field") + " from " + entry.detail("from") + " to "
                        + entry.detail("to");
                case REPLY_REQUESTED -> "Reply by " + entry.actor() + (entry.detail("choice") == null || "no warnings".equals(entry.detail("choice"))
                        ? "" : " (" + entry.detail("choice") + ": " + entry.detail("warnings") + ")") + " — "
                        + delivery.getOrDefault(entry.detail("replyId"), mention.channel() == Channel.STORY ? "awaiting publication" : "sending…")
                        + "\n" + entry.text();
                case CHANGE_MARKED -> entry.actor() + " marked that this led to a change " + entry.detail("change");
                case REPLY_SENT, REPLY_FAILED -> null;
            };
            if (line == null) {
                continue;
            }
            var item = new Paragraph(WHEN.format(entry.at()) + " · " + line);
            item.addClassNames(LumoUtility.Whitespace.PRE_LINE, LumoUtility.Margin.NONE);
            item.addClassName("history-" + entry.kind().wire());
            history.add(item);
        }
    }

    private void showPresence() {
        var others = presence.othersOn(mention.mentionId(), visitId);
        if (others.isEmpty()) {
            presenceLine.setText("");
            return;
        }
        presenceLine.setText(others.stream()
                .map(other -> other.displayName() + (other.drafting() ? " is drafting a reply" : " is viewing this"))
                .distinct()
                .collect(Collectors.joining("; ")));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (mention == null) {
            return;
        }
        UI ui = attachEvent.getUI();
        String mentionId = mention.mentionId();
        presence.viewing(mentionId, visitId, user.getUsername(), user.displayName());
        unsubscribe.add(presence.subscribe(changed -> {
            if (changed.equals(mentionId)) {
                ui.access(this::showPresence);
            }
        }));
        unsubscribe.add(tracker.subscribe(outcome -> {
            if (outcome.replyId() != null) {
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
            presence.left(mention.mentionId(), visitId);
        }
    }

    private void notify(String message, boolean error) {
        var notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    private static Span badge(String text) {
        var badge = new Span(text);
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private static String evidence(List<String> phrases) {
        return phrases == null || phrases.isEmpty() ? "" : " — \"" + String.join("\", \"", phrases) + "\"";
    }

    static String channelName(Channel channel) {
        return switch (channel) {
            case TWITTER -> "X";
            case EMAIL -> "email";
            case STORY -> "the story site";
            case WALK_IN -> "walk-in feedback";
            case PHONE -> "phone";
            case LETTER -> "letter";
        };
    }

    /** Waiting time for a thread message. */
    private static final class InboxWaiting {
        static String of(MentionDocument message, Clock clock) {
            return "waiting " + org.heard.desk.inbox.InboxView.Waiting.since(message.publishedAt(), clock.instant());
        }
    }
}
