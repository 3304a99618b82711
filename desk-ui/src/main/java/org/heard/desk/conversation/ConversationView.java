package org.heard.desk.conversation;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.heard.desk.security.StaffUser;
import org.heard.desk.shell.DeskKeys;

/**
 * A conversation on a page of its own (a link, an alert, a phone). The work is done by
 * {@link ConversationPanel}; this page finds the mention in the person's scope and shows it.
 * Keys: r reply, a assign to me, s status, n the next mention offered after a reply, ? help.
 */
@Route("conversation/:mentionId")
@PageTitle("Conversation · Heard")
@PermitAll
public class ConversationView extends Div implements BeforeEnterObserver {

    private final Conversations desk;
    private final StaffUser user;
    private final ConversationPanel panel;
    private final Div notFound = new Div();

    public ConversationView(Conversations desk, AuthenticationContext authentication) {
        this.desk = desk;
        this.user = authentication.getAuthenticatedUser(StaffUser.class).orElseThrow();
        this.panel = desk.panel(user, next -> getUI().ifPresent(ui -> ui.navigate("conversation/" + next.mentionId())));
        addClassName("conversation-page");
        notFound.add(
                new H2("Not found"),
                new Paragraph("There is no such mention, or it is not one of your services."),
                new Anchor("", "Back to the inbox"));
        notFound.setVisible(false);
        add(panel, notFound);
        DeskKeys.listen(this, key -> {
            switch (key.key()) {
                case "r" -> panel.focusReply();
                case "a" -> panel.assignToMe();
                case "s" -> panel.openStatus();
                case "n" -> panel.openOffered();
                case "u" ->
                    panel.nextMostUrgent()
                            .ifPresent(
                                    next -> getUI().ifPresent(ui -> ui.navigate("conversation/" + next.mentionId())));
                case "?" -> DeskKeys.help();
                default -> {}
            }
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String mentionId = event.getRouteParameters().get("mentionId").orElse("");
        var found = desk.queries.find(user, mentionId);
        notFound.setVisible(found.isEmpty());
        panel.setVisible(found.isPresent());
        found.ifPresent(panel::show);
    }
}
