package org.heard.desk.conversation;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.List;
import org.heard.contracts.Channel;
import org.heard.desk.naming.Chips;
import org.heard.desk.presence.Presence;
import org.heard.desk.reply.DraftReview;
import org.heard.desk.reply.DraftWarning;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.SendAttempt;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;

/**
 * The reply on the patient's channel, checked as it is written (personal data in public, copy-paste,
 * deflection, length), with where an email reply really goes, and an internal note. Listeners are
 * registered once; {@link #show} starts afresh for another mention. Ctrl+Enter sends.
 */
final class Composer extends VerticalLayout {

    /** What the conversation does when the composer has news. */
    interface Outcomes {
        void sent(String message);

        void failed(String message);

        /** Handed towards the channel without confirmation: it may still go out, and the history shows it unconfirmed. */
        void unconfirmed(String message);

        void note(String text);
    }

    private final ReplyDesk replies;
    private final Presence presence;
    private final StaffUser user;
    private final String visitId;
    private final Outcomes outcomes;

    private final H3 heading = new H3();
    private final Div recipient = new Div();
    private final Paragraph channelNote = new Paragraph();
    private final Span subject = new Span();
    private final TextArea draft = new TextArea("Your reply");
    private final Checkbox privately = new Checkbox("Reply privately");
    private final Span counter = new Span();
    private final Paragraph signaturePreview = new Paragraph();
    private final VerticalLayout warnings = new VerticalLayout();
    private final Button send = new Button("Send");
    private final TextArea storyText = new TextArea();
    private final Anchor storyLink = new Anchor("", "Open the story's respond page");
    private final VerticalLayout storyPublishing = new VerticalLayout();
    private final TextField note = new TextField("Internal note (never sent)");

    private MentionDocument mention;
    private boolean warningsShown;

    Composer(ReplyDesk replies, Presence presence, StaffUser user, String visitId, Outcomes outcomes) {
        this.replies = replies;
        this.presence = presence;
        this.user = user;
        this.visitId = visitId;
        this.outcomes = outcomes;
        setPadding(false);
        addClassName("composer");
        recipient.setId("reply-recipient");
        recipient.addClassName("reply-recipient");
        subject.setId("reply-subject");
        draft.setId("draft");
        draft.setWidthFull();
        draft.setMinHeight("8em");
        draft.setValueChangeMode(ValueChangeMode.LAZY);
        draft.setValueChangeTimeout(300);
        draft.setHelperText("Ctrl+Enter sends");
        draft.addValueChangeListener(event -> {
            if (mention != null) {
                presence.drafting(
                        mention.mentionId(),
                        visitId,
                        user.getUsername(),
                        user.displayName(),
                        !draft.getValue().isBlank());
            }
            review();
        });
        privately.setId("privately");
        privately.addValueChangeListener(event -> review());
        counter.setId("counter");
        counter.getElement().setAttribute("aria-live", "polite");
        signaturePreview.setId("signature");
        signaturePreview.addClassName("signature");
        warnings.setId("warnings");
        warnings.setPadding(false);
        warnings.getElement().setAttribute("aria-live", "polite");
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(event -> send());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(draft);
        note.setId("note");
        note.setWidthFull();
        var addNote = new Button("Add note", event -> {
            outcomes.note(note.getValue());
            note.clear();
        });
        addNote.setId("add-note");
        var noteRow = new HorizontalLayout(note, addNote);
        noteRow.setWidthFull();
        noteRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        noteRow.expand(note);
        var sendRow = new HorizontalLayout(send, privately, counter);
        sendRow.setAlignItems(FlexComponent.Alignment.CENTER);
        sendRow.getStyle().set("flex-wrap", "wrap");
        add(
                heading,
                recipient,
                subject,
                channelNote,
                storyPublishing(),
                draft,
                signaturePreview,
                warnings,
                sendRow,
                noteRow);
    }

    void show(MentionDocument shown) {
        this.mention = shown;
        heading.setText("Reply on " + channelName(shown.channel()));
        privately.setValue(false);
        privately.setVisible(shown.channel() == Channel.TWITTER);
        privately.setLabel("Reply by direct message (private)");
        showRecipient(shown);
        boolean emailSubject = shown.channel() == Channel.EMAIL && shown.subject() != null;
        subject.setText(emailSubject ? "Subject: Re: " + shown.subject().replaceFirst("(?i)^re:\\s*", "") : "");
        subject.setVisible(emailSubject);
        if (shown.channel() == Channel.STORY) {
            channelNote.setText("Your response is published on the story site after its moderation; it shows here as "
                    + "awaiting publication until the site has it.");
        } else if (!shown.channel().online()) {
            channelNote.setText("This feedback was given by " + shown.channel().wire()
                    + ". Write what you said or sent; it is recorded as answered by "
                    + shown.channel().wire() + ".");
        } else {
            channelNote.setText("");
        }
        channelNote.setVisible(!channelNote.getText().isEmpty());
        String respondUrl =
                shown.attributes() == null ? null : shown.attributes().get("respondUrl");
        storyLink.setHref(respondUrl == null ? "" : respondUrl);
        storyLink.setVisible(respondUrl != null && !respondUrl.isBlank());
        storyPublishing.setVisible(false);
        storyText.clear();
        draft.clear();
        note.clear();
        send.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        review();
    }

    void focusDraft() {
        draft.focus();
    }

    /**
     * Where an email reply goes: the Reply-To the message asked for, else its sender. When that is
     * not the sender, or the sender's address was not verified, a warning in words and an icon.
     */
    private void showRecipient(MentionDocument shown) {
        recipient.removeAll();
        recipient.setVisible(shown.channel() == Channel.EMAIL);
        if (shown.channel() != Channel.EMAIL) {
            return;
        }
        var reply = EmailRecipient.of(shown);
        var to = new Paragraph("Your reply goes to: ");
        var address = new Span(reply.replyTo() == null ? "(no address)" : reply.replyTo());
        address.addClassName("reply-address");
        to.add(address);
        recipient.add(to);
        for (String warning : reply.warnings()) {
            var line = new Paragraph();
            line.addClassName("recipient-warning");
            line.add(Chips.icon(VaadinIcon.WARNING), new Span("Check before you answer: " + warning));
            recipient.add(line);
        }
    }

    private com.vaadin.flow.component.Component storyPublishing() {
        storyText.setReadOnly(true);
        storyText.setWidthFull();
        storyText.setLabel("Your response, ready to paste");
        storyText.setId("story-response-text");
        storyLink.setTarget(AnchorTarget.BLANK);
        storyLink.setId("story-respond-link");
        var copy = new Button(
                "Copy",
                event -> storyText
                        .getElement()
                        .executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", storyText.getValue()));
        storyPublishing.add(storyText, new HorizontalLayout(storyLink, copy));
        storyPublishing.setPadding(false);
        storyPublishing.setVisible(false);
        storyPublishing.setId("story-publishing");
        return storyPublishing;
    }

    private void review() {
        if (mention == null) {
            return;
        }
        DraftReview review = replies.review(user, mention, draft.getValue(), privately.getValue());
        counter.setText(
                review.limit() > 0 ? review.length() + " / " + review.limit() : review.length() + " characters");
        counter.getElement().getThemeList().clear();
        counter.getElement()
                .getThemeList()
                .add(review.blocked().isPresent() && !draft.getValue().isBlank() ? "badge error" : "badge contrast");
        signaturePreview.setText("Signed: "
                + review.signed()
                        .substring(Math.min(
                                review.signed().length(),
                                draft.getValue().strip().length()))
                        .strip());
        showWarnings(
                review.warnings(),
                review.blocked().filter(reason -> !draft.getValue().isBlank()).orElse(null));
        warningsShown = false;
        send.setText(mention.channel().online() ? "Send" : "Record reply");
        send.removeThemeVariants(ButtonVariant.LUMO_ERROR);
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
            var line = new Span(Chips.icon(VaadinIcon.WARNING), new Span(warning.message()));
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
            case SendAttempt.Blocked blocked -> outcomes.failed(blocked.reason());
            // The draft stays: sending it again as it is reuses its reply id, which the channel sends at most once.
            case SendAttempt.Unknown unknown -> outcomes.unconfirmed(unknown.reason());
            case SendAttempt.NotFound notFound -> outcomes.failed("This mention is no longer yours to answer");
            case SendAttempt.Requested requested -> {
                if (mention.channel() == Channel.STORY) {
                    storyText.setValue(requested.text());
                    storyPublishing.setVisible(true);
                }
                sent(
                        mention.channel() == Channel.STORY
                                ? "Ready for the story site: paste it on the story's respond page; it shows as awaiting publication until the site has it"
                                : "Reply handed to " + channelName(mention.channel()));
            }
            case SendAttempt.RecordedOffline offline ->
                sent("Recorded as answered by " + mention.channel().wire());
        }
    }

    private void sent(String message) {
        draft.clear();
        send.removeThemeVariants(ButtonVariant.LUMO_ERROR);
        presence.drafting(mention.mentionId(), visitId, user.getUsername(), user.displayName(), false);
        outcomes.sent(message);
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
}
