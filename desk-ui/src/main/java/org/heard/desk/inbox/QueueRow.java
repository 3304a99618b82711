package org.heard.desk.inbox;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.naming.Chips;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.naming.Waiting;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;

/**
 * One mention in the work queue: who, on which channel, how long they have waited, the first two
 * lines of what they said, urgency and sentiment in words (colour repeats them), the services by
 * name, the status and who has it. The name is a real link to the conversation, so the row works
 * with the keyboard, a screen reader and "open in a new tab".
 */
final class QueueRow extends ListItem {

    /** Everything a row shows, as text: two rows that show the same are equal. */
    record Shown(
            Urgency.Level urgency,
            String who,
            Channel channel,
            String waiting,
            String said,
            Sentiment.Label sentiment,
            String services,
            MentionStatus status,
            String assignee) {

        static Shown of(MentionDocument mention, DeskNames names, Instant now) {
            return new Shown(
                    mention.urgency() == null ? null : mention.urgency().level(),
                    mention.author() == null ? "Anonymous" : mention.author().label(),
                    mention.channel(),
                    "waiting " + Waiting.since(mention.publishedAt(), now),
                    excerpt(mention),
                    mention.sentiment() == null ? null : mention.sentiment().label(),
                    names.services(mention.services()),
                    mention.status(),
                    mention.assignee() == null || mention.assignee().isBlank()
                            ? "Unassigned"
                            : "Assigned to " + names.staff(mention.assignee()));
        }
    }

    private final MentionDocument mention;
    private final Shown shown;
    private final Anchor open;

    QueueRow(MentionDocument mention, Shown shown) {
        this.mention = mention;
        this.shown = shown;
        addClassName("queue-row");
        getElement().setAttribute("data-mention-id", mention.mentionId());

        var top = new Div();
        top.addClassName("queue-top");
        if (shown.urgency() != null) {
            top.add(Chips.urgency(shown.urgency()));
        }
        open = new Anchor("conversation/" + mention.mentionId(), shown.who());
        open.addClassName("queue-open");
        // The inbox decides where it opens (beside the list, or on its own page); the address stays for a new tab.
        open.getElement().setAttribute("router-ignore", true);
        var waiting = new Span(shown.waiting());
        waiting.addClassName("queue-waiting");
        top.add(open, Chips.channel(shown.channel()), waiting);

        var said = new Paragraph(shown.said());
        said.addClassName("queue-text");

        var tags = new Div();
        tags.addClassName("queue-tags");
        if (shown.sentiment() != null) {
            tags.add(Chips.sentiment(shown.sentiment()));
        }
        if (!shown.services().isEmpty()) {
            var service = new Span(shown.services());
            service.addClassName("queue-services");
            tags.add(service);
        }
        tags.add(Chips.status(shown.status()));
        var assignee = new Span(shown.assignee());
        assignee.addClassName("queue-assignee");
        tags.add(assignee);
        add(top, said, tags);
    }

    Shown shown() {
        return shown;
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
        String text = mention.subject() == null || mention.subject().isBlank()
                ? mention.text()
                : mention.subject() + " — " + mention.text();
        text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return text.length() > 400 ? text.substring(0, 399) + "…" : text;
    }
}
