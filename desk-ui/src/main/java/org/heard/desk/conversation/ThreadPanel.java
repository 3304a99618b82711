package org.heard.desk.conversation;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.Element;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.heard.desk.naming.Chips;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.naming.Waiting;
import org.heard.mentions.MentionDocument;

/**
 * The patient's messages, oldest first, each with its tags and the sentences that drove them,
 * highlighted in the text ({@link Evidence}). Every piece of outside text is set as text.
 */
final class ThreadPanel extends Div {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(ZoneId.of("Europe/London"));

    private final DeskNames names;
    private final Clock clock;

    ThreadPanel(DeskNames names, Clock clock) {
        this.names = names;
        this.clock = clock;
        setId("thread");
        addClassName("thread");
    }

    void show(List<MentionDocument> messages) {
        removeAll();
        for (var message : messages) {
            add(card(message));
        }
    }

    private Component card(MentionDocument message) {
        var card = new Div();
        card.addClassName("thread-message");
        card.getElement().setAttribute("data-mention-id", message.mentionId());
        var from = new Paragraph(
                (message.author() == null ? "Anonymous" : message.author().label()) + " · "
                        + (message.publishedAt() == null
                                ? ""
                                : WHEN.format(message.publishedAt()) + " · waiting "
                                        + Waiting.since(message.publishedAt(), clock.instant())));
        from.addClassName("thread-from");
        card.add(from);
        if (message.subject() != null && !message.subject().isBlank()) {
            var subject = new Paragraph(message.subject());
            subject.addClassName("thread-subject");
            card.add(subject);
        }
        var evidence = Evidence.of(message);
        card.add(text(evidence), reasons(message, evidence));
        return card;
    }

    /** The text, with the sentences behind the tags highlighted and the phrases marked in them. */
    private static Component text(Evidence evidence) {
        var text = new Paragraph();
        text.addClassName("mention-text");
        for (var piece : evidence.pieces()) {
            Element shown = piece.phrase() ? new Element("mark") : new Element("span");
            shown.setText(piece.text());
            if (!piece.kinds().isEmpty()) {
                shown.getClassList().add("evidence");
                piece.kinds()
                        .forEach(kind -> shown.getClassList()
                                .add("evidence-" + kind.name().toLowerCase(java.util.Locale.ROOT)));
            }
            text.getElement().appendChild(shown);
        }
        return text;
    }

    /** Each tag in words, with the sentences that drove it quoted: the highlight's meaning, never colour alone. */
    private Component reasons(MentionDocument message, Evidence evidence) {
        var list = new UnorderedList();
        list.addClassName("tag-reasons");
        list.getElement().setAttribute("aria-label", "Why it was tagged");
        if (message.urgency() != null) {
            list.add(reason(
                    Chips.urgency(message.urgency().level()),
                    "Urgency",
                    evidence.reasons("urgency"),
                    "evidence-urgency"));
        }
        if (message.sentiment() != null) {
            list.add(reason(
                    Chips.sentiment(message.sentiment().label()),
                    "Sentiment",
                    evidence.reasons("sentiment"),
                    "evidence-sentiment"));
        }
        if (message.services() != null) {
            for (var service : message.services()) {
                list.add(reason(
                        Chips.chip(names.service(service.serviceId()), "badge contrast"),
                        "Service",
                        evidence.reasons("service:" + service.serviceId()),
                        "evidence-service"));
            }
        }
        return list;
    }

    private static ListItem reason(Span chip, String what, List<String> sentences, String kind) {
        var item = new ListItem();
        item.addClassNames("tag-reason", kind);
        var label = new Span(what + ": ");
        label.addClassName("tag-reason-label");
        item.add(label, chip);
        if (!sentences.isEmpty()) {
            var because = new Span(" because: ");
            item.add(because);
            for (int i = 0; i < sentences.size(); i++) {
                var quote = new Element("q");
                quote.setText(sentences.get(i));
                quote.getClassList().add("tag-reason-quote");
                item.getElement().appendChild(quote);
                if (i < sentences.size() - 1) {
                    item.getElement().appendChild(new Element("span").setText(" "));
                }
            }
        }
        return item;
    }
}
