package org.heard.desk.mentions;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;

/**
 * Every read of mentions for a member of staff, with their scope applied by the server. A mention
 * out of scope is "not found", so its existence does not leak either. Every mention leaves here as
 * the person may read it: for those the trust shields from authors' identities (managers, by
 * default) with the author masked ({@link IdentityShield}), unless the communications team revealed
 * that conversation's author ({@link IdentityReveals}).
 */
public class InboxQueries {

    static final int THREAD_LIMIT = 200;

    private final MentionSearch index;
    private final ServiceTree tree;
    private final IdentityShield shield;
    private final IdentityReveals reveals;
    private final ActivityLog activity;
    private final AuditTrail audit;

    public InboxQueries(
            MentionSearch index,
            ServiceTree tree,
            IdentityShield shield,
            IdentityReveals reveals,
            ActivityLog activity,
            AuditTrail audit) {
        this.index = index;
        this.tree = tree;
        this.shield = shield;
        this.reveals = reveals;
        this.activity = activity;
        this.audit = audit;
    }

    public DeskScope scopeOf(StaffUser user) {
        return DeskScope.of(user, tree);
    }

    /** A page of a list a person sees with excerpts (the feed, what is offered next): recorded in the audit trail before it is shown. */
    public MentionSearch.SearchPage search(StaffUser user, MentionQuery query, int from, int size) {
        var page = index.search(scoped(user, query), from, size);
        return new MentionSearch.SearchPage(listed(user, page.mentions()), page.total());
    }

    /**
     * A page and, in the same request, the count of each named query (an inbox's tabs), every one
     * of them in the person's scope; the page is a list with excerpts, recorded in the audit trail
     * before it is shown.
     */
    public MentionSearch.CountedPage searchCounting(
            StaffUser user, MentionQuery query, int from, int size, java.util.Map<String, MentionQuery> counts) {
        var scoped = new java.util.LinkedHashMap<String, MentionQuery>();
        counts.forEach((name, counted) -> scoped.put(name, scoped(user, counted)));
        var found = index.searchCounting(scoped(user, query), from, size, scoped);
        return new MentionSearch.CountedPage(
                new MentionSearch.SearchPage(
                        listed(user, found.page().mentions()), found.page().total()),
                found.counts());
    }

    private List<MentionDocument> listed(StaffUser user, List<MentionDocument> mentions) {
        audit.recordMentions(
                user.getUsername(),
                AuditAction.MENTIONS_LISTED,
                mentions.stream().map(MentionDocument::mentionId).toList());
        return shown(user, mentions);
    }

    /** A page continuing after a position, in an order that is stable while mentions arrive (the API's pages). */
    public MentionSearch.CursorPage page(
            StaffUser user, MentionQuery query, MentionSearch.Order order, MentionSearch.Position after, int size) {
        var page = index.searchAfter(scoped(user, query), order, after, size);
        return new MentionSearch.CursorPage(shown(user, page.mentions()), page.positions(), page.total());
    }

    /** The mentions of a conversation the person may see, oldest first; empty when they may see none. */
    public List<MentionDocument> conversation(StaffUser user, String conversationId) {
        var scope = scopeOf(user);
        return shown(
                user,
                index.conversation(conversationId, THREAD_LIMIT).stream()
                        .filter(scope::covers)
                        .toList());
    }

    public long count(StaffUser user, MentionQuery query) {
        return index.count(scoped(user, query));
    }

    public Optional<MentionDocument> find(StaffUser user, String mentionId) {
        return findToAct(user, mentionId)
                .map(mention -> shown(user, List.of(mention)).getFirst());
    }

    /**
     * The mention as stored, if the person may see it, for what the desk does on their behalf and
     * never shows them: a reply's checks must know the patient's real name to keep it out of a
     * public post, and a tag correction keeps the real text as labelled data.
     */
    public Optional<MentionDocument> findToAct(StaffUser user, String mentionId) {
        var scope = scopeOf(user);
        return index.find(mentionId).filter(scope::covers);
    }

    /** The thread of a mention the person may see: every mention of its conversation they may see. */
    public List<MentionDocument> thread(StaffUser user, MentionDocument mention) {
        return conversation(user, mention.conversationId());
    }

    /**
     * What staff did in a conversation, oldest first, as the person may read it: for a shielded person
     * the authors' names and personal data are masked in notes and replies too (a reply greets the
     * patient by name).
     */
    public List<Activity> history(StaffUser user, String conversationId) {
        var entries = activity.ofConversation(conversationId);
        if (!shield.shields(user) || reveals.of(conversationId).isPresent()) {
            return entries;
        }
        var mentions = index.conversation(conversationId, THREAD_LIMIT);
        return entries.stream().map(entry -> shield.mask(entry, mentions)).toList();
    }

    /** Mentions as the person may read them: masked for a shielded person, unless their conversation was revealed. */
    public List<MentionDocument> shown(StaffUser user, List<MentionDocument> mentions) {
        if (mentions.isEmpty() || !shield.shields(user)) {
            return mentions;
        }
        var revealed = reveals.of(
                mentions.stream().map(MentionDocument::conversationId).collect(Collectors.toSet()));
        return mentions.stream()
                .map(mention -> revealed.containsKey(mention.conversationId()) ? mention : shield.mask(mention))
                .toList();
    }

    /** Whether this person reads authors masked (where not revealed). */
    public boolean shielded(StaffUser user) {
        return shield.shields(user);
    }

    /** Services the person looks after, with those below them (the "My services" view). */
    public java.util.Set<String> servicesOf(StaffUser user) {
        return tree.withDescendants(user.services());
    }

    private MentionQuery scoped(StaffUser user, MentionQuery query) {
        var scope = scopeOf(user);
        // Whatever the caller asked, the scope is set here: a manager cannot widen it, nor find an author by name.
        var scoped = query.within(scope.services());
        return shield.shields(user) ? scoped.hidingAuthors() : scoped;
    }
}
