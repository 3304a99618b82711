package org.heard.desk.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.contracts.Urgency;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.triage.index.MentionQuery;
import org.heard.triage.index.MentionStatus;

/**
 * The inbox's saved views: the built-in ones ("My services", "Immediate", "Unanswered > 24 h"),
 * each person's own, and the team's. Saved views are kept in memory for now: they are lost on a
 * restart and not shared between instances (a small index of their own would keep them).
 */
public class InboxViews {

    static final Duration UNANSWERED_AFTER = Duration.ofHours(24);
    static final Set<MentionStatus> OPEN = Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS, MentionStatus.WAITING_FOR_PATIENT);

    /** A named query; built-in views are computed afresh (their time bounds move with the clock). */
    public record SavedView(String name, MentionQuery query, String owner) {}

    private final InboxQueries queries;
    private final Clock clock;
    private final Map<String, List<SavedView>> personal = new ConcurrentHashMap<>();
    private final List<SavedView> team = new CopyOnWriteArrayList<>();

    public InboxViews(InboxQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The views a person can pick, built-in first. */
    public List<SavedView> viewsFor(StaffUser user) {
        var views = new ArrayList<SavedView>();
        Instant now = clock.instant();
        views.add(new SavedView("All", MentionQuery.everything(), null));
        views.add(new SavedView("My services", new MentionQuery(null, null, myServices(user), null, null, OPEN, null, null, null, null), null));
        views.add(new SavedView("Immediate", new MentionQuery(null, null, null, null, Set.of(Urgency.Level.IMMEDIATE), OPEN, null, null, null, null), null));
        views.add(new SavedView("Unanswered > 24 h", new MentionQuery(null, null, null, null, null,
                Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS), null, null, now.minus(UNANSWERED_AFTER), null), null));
        views.addAll(team);
        views.addAll(personal.getOrDefault(user.getUsername(), List.of()));
        return views;
    }

    public void save(StaffUser user, String name, MentionQuery query, boolean forTheTeam) {
        var view = new SavedView(name, query.within(null), forTheTeam ? "team" : user.getUsername());
        if (forTheTeam) {
            team.add(view);
        } else {
            personal.computeIfAbsent(user.getUsername(), who -> new CopyOnWriteArrayList<>()).add(view);
        }
    }

    private Set<String> myServices(StaffUser user) {
        var mine = queries.servicesOf(user);
        // A person with no services of their own: a service id nobody uses, so the view is empty, not everything.
        return mine.isEmpty() ? Set.of("(none)") : mine;
    }

    /**
     * A view narrowed by the filter bar: each filter the person set replaces the view's value for
     * that field; unset filters keep the view's.
     */
    static MentionQuery refine(MentionQuery view, MentionQuery bar) {
        return new MentionQuery(
                bar.words() == null || bar.words().isBlank() ? view.words() : bar.words(),
                bar.channels().isEmpty() ? view.channels() : bar.channels(),
                bar.services().isEmpty() ? view.services() : bar.services(),
                bar.sentiments().isEmpty() ? view.sentiments() : bar.sentiments(),
                bar.urgencies().isEmpty() ? view.urgencies() : bar.urgencies(),
                bar.statuses().isEmpty() ? view.statuses() : bar.statuses(),
                bar.assignee() == null ? view.assignee() : bar.assignee(),
                bar.publishedFrom() == null ? view.publishedFrom() : bar.publishedFrom(),
                earlier(view.publishedBefore(), bar.publishedBefore()),
                null);
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
