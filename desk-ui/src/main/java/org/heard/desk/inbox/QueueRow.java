package org.heard.desk.inbox;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import org.heard.desk.naming.Chips;
import org.heard.desk.naming.DeskNames;
import org.heard.mentions.MentionDocument;

/**
 * One mention in the work queue: who, on which channel, how long they have waited, the first two
 * lines of what they said, urgency and sentiment in words (colour repeats them), the services by
 * name, the status and who has it. The name is a real link to the conversation, so the row works
 * with the keyboard, a screen reader and "open in a new tab".
 */
final class QueueRow extends ListItem {

    private final MentionDocument mention;
    private final Anchor open;

    QueueRow(MentionDocument mention, DeskNames names, Instant now) {
        this.mention = mention;
        addClassName("queue-row");
        getElement().setAttribute("data-mention-id", mention.mentionId());

        var top = new Div();
        top.addClassName("queue-top");
        if (mention.urgency() != null) {
            top.add(Chips.urgency(mention.urgency().level()));
        }
        open = new Anchor("conversation/" + mention.mentionId(), mention.author() == null ? "Anonymous" : mention.author().label());
        open.addClassName("queue-open");
        // The inbox decides where it opens (beside the list, or on its own page); the address stays for a new tab.
        open.getElement().setAttribute("router-ignore", true);
        var waiting = new Span("waiting " + Waiting.since(mention.publishedAt(), now));
        waiting.addClassName("queue-waiting");
        top.add(open, Chips.channel(mention.channel()), waiting);

        var said = new Paragraph(excerpt(mention));
        said.addClassName("queue-text");

        var tags = new Div();
        tags.addClassName("queue-tags");
        if (mention.sentiment() != null) {
            tags.add(Chips.sentiment(mention.sentiment().label()));
        }
        String services = names.services(mention.services());
        if (!services.isEmpty()) {
            var service = new Span(services);
            service.addClassName("queue-services");
            tags.add(service);
        }
        tags.add(Chips.status(mention.status()));
        var assignee = new Span(mention.assignee() == null || mention.assignee().isBlank() ? "Unassigned"
                : "Assigned to " + names.staff(mention.assignee()));
        assignee.addClassName("queue-assignee");
        tags.add(assignee);
        add(top, said, tags);
    }

    MentionDocument mention() {
        return mention;
    }

    void selected(boolean selected) {
        if (selected) {
            getElement().setAttribute("aria-current", "true");
        } else {
            getElement().removeAttribute("aria-current");
        }
    }

    void focus() {
        open.getElement().callJsFunction("focus");
    }

    /** The subject and the text on one line; the page shows the first two lines of it. */
    static String excerpt(MentionDocument mention) {
        String text = mention.subject() == null || mention.subject().isBlank() ? mention.text() : mention.subject() + " — " + mention.text();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return text.length() > 400 ? text.substring(0, 399) + "…" : text;
    }
}
