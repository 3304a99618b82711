package org.heard.desk.conversation;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.heard.desk.mentions.AuthorReveal;
import org.heard.desk.mentions.IdentityReveals;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;

/**
 * In a conversation's header: for a person who reads it with the author withheld, why; for the
 * communications team, "Reveal the author" with a reason (kept and audited); for both, who revealed
 * it and why, once revealed. Empty for everyone else.
 */
public class RevealIdentity extends HorizontalLayout {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final AuthorReveal reveal;
    private final InboxQueries queries;
    private final StaffUser user;
    private MentionDocument mention;

    public RevealIdentity(AuthorReveal reveal, InboxQueries queries, AuthenticationContext authentication) {
        this.reveal = reveal;
        this.queries = queries;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        setId("identity");
        setAlignItems(Alignment.BASELINE);
        setPadding(false);
    }

    /** The part for this mention's conversation, made with the desk's services. */
    public static RevealIdentity of(MentionDocument mention) {
        var component = Instantiator.get(UI.getCurrent()).createComponent(RevealIdentity.class);
        component.show(mention);
        return component;
    }

    private void show(MentionDocument shown) {
        this.mention = shown;
        removeAll();
        boolean shielded = queries.shielded(user);
        boolean mayReveal = reveal.mayReveal(user);
        if (!shielded && !mayReveal) {
            setVisible(false);
            return;
        }
        var revealed = reveal.revealOf(shown.conversationId());
        if (revealed.isPresent()) {
            add(line(revealedText(revealed.get()), "identity-revealed"));
        } else if (shielded) {
            var withheld = line(
                    "Author withheld: their name and personal details are kept from the teams who provide the care, "
                            + "so that speaking up never affects anyone's care. The communications team can reveal them when there is a reason.",
                    "identity-withheld");
            add(withheld);
        }
        if (mayReveal && revealed.isEmpty()) {
            var open = new Button("Reveal the author to the service's team", event -> dialog().open());
            open.setId("reveal-identity");
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(open);
        }
    }

    private Dialog dialog() {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Reveal who wrote this");
        var why = new TextArea("Why does the team need to know?");
        why.setId("reveal-reason");
        why.setRequired(true);
        why.setWidth("32em");
        why.setMaxLength(1_000);
        why.setHelperText(
                "Kept with the reveal and in the audit log. The managers of this conversation's services will see the "
                        + "author's name, handle and address and the personal details in what they wrote.");
        var confirm = new Button("Reveal", event -> {
            switch (reveal.reveal(user, mention.mentionId(), why.getValue())) {
                case AuthorReveal.Outcome.Refused refused -> {
                    why.setInvalid(true);
                    why.setErrorMessage(refused.reason());
                }
                case AuthorReveal.Outcome.NotFound notFound -> {
                    dialog.close();
                    notify("This mention is no longer yours", true);
                }
                case AuthorReveal.Outcome.Revealed done -> {
                    dialog.close();
                    notify("Revealed to the service's team", false);
                    show(mention);
                }
                case AuthorReveal.Outcome.AlreadyRevealed already -> {
                    dialog.close();
                    notify(revealedText(already.reveal()), false);
                    show(mention);
                }
            }
        });
        confirm.setId("reveal-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.add(
                new Paragraph("Only when the team must know who it is, say to put something right for this patient."),
                why);
        dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), confirm);
        return dialog;
    }

    private static String revealedText(IdentityReveals.Reveal revealed) {
        return "Author revealed to the service's team by "
                + (revealed.byName() == null ? revealed.by() : revealed.byName()) + " on " + WHEN.format(revealed.at())
                + ": " + revealed.reason();
    }

    private static Span line(String text, String className) {
        var line = new Span(text);
        line.addClassName(className);
        line.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return line;
    }

    private static void notify(String message, boolean error) {
        var notification = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }
}
