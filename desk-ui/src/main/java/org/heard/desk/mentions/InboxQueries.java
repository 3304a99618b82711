package org.heard.desk.mentions;

import java.util.List;
import java.util.Optional;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.MentionQuery;

/**
 * Every read of mentions for a member of staff, with their scope applied by the server. A mention
 * out of scope is "not found", so its existence does not leak either.
 */
public class InboxQueries {

    static final int THREAD_LIMIT = 200;

    private final MentionSearch index;
    private final ServiceTree tree;

    public InboxQueries(MentionSearch index, ServiceTree tree) {
        this.index = index;
        this.tree = tree;
    }

    public DeskScope scopeOf(StaffUser user) {
        return DeskScope.of(user, tree);
    }

    public MentionSearch.SearchPage search(StaffUser user, MentionQuery query, int from, int size) {
        return index.search(scoped(user, query), from, size);
    }

    /**
     * A page and, in the same request, the count of each named query (an inbox's tabs), every one
     * of them in the person's scope.
     */
    public MentionSearch.CountedPage searchCounting(StaffUser user, MentionQuery query, int from, int size,
            java.util.Map<String, MentionQuery> counts) {
        var scoped = new java.util.LinkedHashMap<String, MentionQuery>();
        counts.forEach((name, counted) -> scoped.put(name, scoped(user, counted)));
        return index.searchCounting(scoped(user, query), from, size, scoped);
    }

    /** A page continuing after a position, in an order that is stable while mentions arrive (the API's pages). */
    public MentionSearch.CursorPage page(StaffUser user, MentionQuery query, MentionSearch.Order order,
            MentionSearch.Position after, int size) {
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
