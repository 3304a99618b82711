package org.heard.desk.mentions;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;

/**
 * A conversation as one member of staff may see it: its mentions in their scope, and only what staff
 * did to those mentions. A conversation may span services (a patient writes about the ward, then about
 * the emergency department): notes, replies, status and tag changes on a mention out of a manager's
 * scope stay out of her sight, on the desk's pages and in the JSON API alike.
 */
public class ConversationHistory {

    /** The mentions in scope, oldest first, and their history, oldest first. Both empty when nothing is in scope. */
    public record Seen(List<MentionDocument> mentions, List<Activity> history) {

        public boolean isEmpty() {
            return mentions.isEmpty();
        }
    }

    private final InboxQueries queries;
    private final ActivityLog activity;

    public ConversationHistory(InboxQueries queries, ActivityLog activity) {
        this.queries = queries;
        this.activity = activity;
    }

    public Seen of(StaffUser user, String conversationId) {
        var mentions = queries.conversation(user, conversationId);
        if (mentions.isEmpty()) {
            return new Seen(List.of(), List.of());
        }
        // What staff wrote is masked as the mentions are for a shielded person (InboxQueries.history).
        return new Seen(mentions, visible(mentions, queries.history(user, conversationId)));
    }

    /** The entries about one of these mentions; an entry about no mention, or another, is left out. */
    static List<Activity> visible(List<MentionDocument> mentions, List<Activity> history) {
        Set<String> visible = mentions.stream().map(MentionDocument::mentionId).collect(Collectors.toSet());
        return history.stream()
                .filter(entry -> entry.mentionId() != null && visible.contains(entry.mentionId()))
                .toList();
    }
}
