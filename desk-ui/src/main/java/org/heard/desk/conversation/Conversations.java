package org.heard.desk.conversation;

import java.time.Clock;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.ConversationHistory;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.naming.DeskNames;
import org.heard.desk.presence.Presence;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.ReplyTracker;
import org.heard.desk.security.StaffUser;

/** What a conversation on the desk works with, in one place: the page and the inbox's split view both open one. */
public class Conversations {

    final InboxQueries queries;
    final MentionWork work;
    final ReplyDesk replies;
    final ReplyTracker tracker;
    final ConversationHistory history;
    final Presence presence;
    final AuditTrail audit;
    final DeskNames names;
    final Clock clock;

    public Conversations(
            InboxQueries queries,
            MentionWork work,
            ReplyDesk replies,
            ReplyTracker tracker,
            ConversationHistory history,
            Presence presence,
            AuditTrail audit,
            DeskNames names,
            Clock clock) {
        this.queries = queries;
        this.work = work;
        this.replies = replies;
        this.tracker = tracker;
        this.history = history;
        this.presence = presence;
        this.audit = audit;
        this.names = names;
        this.clock = clock;
    }

    /** A conversation panel for this person; {@code next} opens another mention (the next most urgent, after a reply). */
    public ConversationPanel panel(StaffUser user, ConversationPanel.Opener next) {
        return new ConversationPanel(this, user, next);
    }
}
