package org.heard.desk.conversation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.function.Consumer;
import org.heard.desk.naming.Chips;
import org.heard.desk.naming.DeskNames;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;

/**
 * Who wrote, on which channel, where staff are with it (status, assignee) and the actions on the
 * whole conversation. {@link #actions()} is the place for more of them (revealing a masked patient).
 */
final class ConversationHeader extends Div {

    private final DeskNames names;
    private final Anchor back = new Anchor("", "← Inbox");
    private final H2 title = new H2();
    private final Span channel = new Span();
    private final Span assignee = new Span();
    private final Select<MentionStatus> status = new Select<>();
    private final Button take = new Button("Assign to me", VaadinIcon.USER_CHECK.create());
    private final Div actions = new Div();

    ConversationHeader(DeskNames names, Consumer<MentionStatus> statusChosen, Runnable assignToMe) {
        this.names = names;
        addClassName("conversation-header");
        title.setId("conversation-title");
        title.addClassName("conversation-title");
        assignee.setId("assignee");
        status.setLabel("Status");
        status.setId("status");
        status.setItems(MentionStatus.values());
        status.setItemLabelGenerator(DeskNames::status);
        status.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                statusChosen.accept(event.getValue());
            }
        });
        take.setId("assign-me");
        take.addClickListener(event -> assignToMe.run());
        actions.setId("conversation-actions");
        actions.addClassName("conversation-actions");
        var row = new HorizontalLayout(status, take, actions);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("flex-wrap", "wrap");
        var who = new HorizontalLayout(channel, assignee);
        who.getStyle().set("flex-wrap", "wrap");
        add(back, title, who, row);
    }

    void show(MentionDocument mention) {
        title.setText(
                mention.author() == null ? "Conversation" : mention.author().label());
        channel.removeAll();
        channel.add(Chips.channel(mention.channel()));
        assignee.setText(
                mention.assignee() == null || mention.assignee().isBlank()
                        ? "Unassigned"
                        : "Assigned to " + names.staff(mention.assignee()));
        status.setValue(mention.status() == null ? MentionStatus.NEW : mention.status());
    }

    /** Whether the link back to the inbox shows: not when the conversation is open beside the inbox. */
    void backLink(boolean shown) {
        back.setVisible(shown);
    }

    void openStatus() {
        status.focus();
        status.getElement().setProperty("opened", true);
    }

    /** Room for actions on the conversation that other features add. */
    Div actions() {
        return actions;
    }
}
