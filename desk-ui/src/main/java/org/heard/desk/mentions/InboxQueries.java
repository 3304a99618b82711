package org.heard.desk.mentions;

import java.util.List;
import java.util.Optional;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndex;
import org.heard.mentions.MentionQuery;

/**
 * Every read of mentions for a member of staff, with their scope applied by the server. A mention
 * out of scope is "not found", so its existence does not leak either.
 */
public class InboxQueries {

    static final int THREAD_LIMIT = 200;

    private final MentionIndex index;
    private final ServiceTree tree;
    private final AuditTrail audit;

    public InboxQueries(MentionIndex index, ServiceTree tree, AuditTrail audit) {
        this.index = index;
        this.tree = tree;
        this.audit = audit;
    }

    public DeskScope scopeOf(StaffUser user) {
        return DeskScope.of(user, tree);
    }

    /** A page of a list a person sees with excerpts (the inbox, the feed): recorded in the audit trail before it is shown. */
    public MentionIndex.SearchPage search(StaffUser user, MentionQuery query, int from, int size) {
        var page = index.search(scoped(user, query), from, size);
        audit.recordMentions(user.getUsername(), AuditAction.MENTIONS_LISTED, page.mentions().stream().map(MentionDocument::mentionId).toList());
        return page;
    }

    /** A page continuing after a position, in an order that is stable while mentions arrive (the API's pages). */
    public MentionIndex.CursorPage page(StaffUser user, MentionQuery query, MentionIndex.Order order,
            MentionIndex.Position after, int size) {
        return index.searchAfter(scoped(user, query), order, after, size);
    }

    /** The mentions of a conversation the person may see, oldest first; empty when they may see none. */
    public List<MentionDocument> conversation(StaffUser user, String conversationId) {
        var scope = scopeOf(user);
        return index.conversation(conversationId, THREAD_LIMIT).stream().filter(scope::covers).toList();
    }

    public long count(StaffUser user, MentionQuery query) {
        return index.count(scoped(user, query));
    }

    public Optional<MentionDocument> find(StaffUser user, String mentionId) {
        var scope = scopeOf(user);
        return index.find(mentionId).filter(scope::covers);
    }

    /** The thread of a mention the person may see: every mention of its conversation they may see. */
    public List<MentionDocument> thread(StaffUser user, MentionDocument mention) {
        var scope = scopeOf(user);
        return index.conversation(mention.conversationId(), THREAD_LIMIT).stream().filter(scope::covers).toList();
    }

    /** Services the person looks after, with those below them (the "My services" view). */
    public java.util.Set<String> servicesOf(StaffUser user) {
        return tree.withDescendants(user.services());
    }

    private MentionQuery scoped(StaffUser user, MentionQuery query) {
        var scope = scopeOf(user);
        // Whatever the caller asked, the scope is set here: a manager cannot widen it.
        return query.within(scope.services());
    }
}
