package org.heard.desk.conversation;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.desk.activity.Activity;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.reply.ReplyDesk;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;

/**
 * What staff did with the conversation, oldest first, each reply with its delivery folded in. The
 * entries come from {@link org.heard.desk.mentions.ConversationHistory}: only those about mentions
 * the person may see.
 */
final class HistoryPanel extends Div {

    private final DeskNames names;
    private final Div entries = new Div();

    HistoryPanel(DeskNames names) {
        this.names = names;
        entries.setId("history");
        var heading = new H3("History");
        add(heading, entries);
    }

    void show(MentionDocument mention, List<Activity> history) {
        entries.removeAll();
        var delivery = deliveries(history);
        for (var entry : history) {
            String line = line(entry, mention, delivery);
            if (line == null) {
                continue;
            }
            var item = new Paragraph(ThreadPanel.WHEN.format(entry.at()) + " · " + line);
            item.addClassNames("history-entry", "history-" + entry.kind().wire());
            entries.add(item);
        }
        if (entries.getComponentCount() == 0) {
            entries.add(new Paragraph("Nothing yet."));
        }
    }

    private String line(Activity entry, MentionDocument mention, Map<String, String> delivery) {
        String who = names.staff(entry.actor());
        return switch (entry.kind()) {
            case NOTE -> "Note by " + who + ": " + entry.text();
            case STATUS_CHANGED -> who + " set the status to " + statusName(entry.text());
            case ASSIGNED -> who + " assigned it to " + names.staff(entry.text());
            case TAG_CORRECTED ->
                who + " corrected " + entry.detail("field") + " from "
                        + tagName(entry.detail("field"), entry.detail("from")) + " to "
                        + tagName(entry.detail("field"), entry.detail("to"));
            case REPLY_REQUESTED ->
                "Reply by " + who
                        + (entry.detail("choice") == null || "no warnings".equals(entry.detail("choice"))
                                ? ""
                                : " (" + entry.detail("choice") + ": " + entry.detail("warnings") + ")")
                        + " — " + delivery.getOrDefault(entry.detail("replyId"), pending(entry, mention.channel()))
                        + "\n" + entry.text();
            case CHANGE_MARKED -> who + " marked that this led to a change " + entry.detail("change");
            case REPLY_SENT, REPLY_FAILED -> null;
        };
    }

    /** A reply the channel has not reported on yet; one Kafka did not confirm may or may not go out. */
    static String pending(Activity reply, Channel channel) {
        if (ReplyDesk.UNCONFIRMED.equals(reply.detail("handover"))) {
            return "not confirmed: it may still go out, check before sending again";
        }
        return channel == Channel.STORY ? "awaiting publication" : "sending…";
    }

    /** Each reply's delivery: sent (with when and the channel's id for it), or why it failed; a later success wins. */
    static Map<String, String> deliveries(List<Activity> history) {
        Map<String, String> delivery = new HashMap<>();
        for (var entry : history) {
            if (entry.kind() == Activity.Kind.REPLY_SENT) {
                delivery.put(
                        entry.detail("replyId"),
                        "sent " + ThreadPanel.WHEN.format(entry.at())
                                + (entry.detail("externalId") == null
                                                || entry.detail("externalId").isBlank()
                                        ? ""
                                        : " (" + entry.detail("externalId") + ")"));
            } else if (entry.kind() == Activity.Kind.REPLY_FAILED) {
                delivery.merge(
                        entry.detail("replyId"),
                        ("true".equals(entry.detail("retryable")) ? "failed, can be retried: " : "failed: ")
                                + entry.text(),
                        (old, failed) -> old.startsWith("sent") ? old : failed);
            }
        }
        return delivery;
    }

    private static String statusName(String wire) {
        try {
            return DeskNames.status(MentionStatus.fromWire(wire));
        } catch (RuntimeException e) {
            return wire;
        }
    }

    private String tagName(String field, String value) {
        if (value == null || value.isBlank()) {
            return "(none)";
        }
        return "service".equals(field)
                ? String.join(
                        ", ",
                        java.util.Arrays.stream(value.split(","))
                                .map(names::service)
                                .toList())
                : value;
    }
}
