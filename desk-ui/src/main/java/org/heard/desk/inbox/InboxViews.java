package org.heard.desk.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.heard.contracts.Urgency;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox's views: the built-in ones ("My services", "Immediate", "Unanswered > 24 h"), each
 * person's own, and those shared with a team (everyone holding a role), kept in
 * {@link SavedViews} so they survive restarts and are the same on every desk instance.
 */
public class InboxViews {

    private static final Logger log = LoggerFactory.getLogger(InboxViews.class);

    static final Duration UNANSWERED_AFTER = Duration.ofHours(24);
    static final Set<MentionStatus> OPEN =
            Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS, MentionStatus.WAITING_FOR_PATIENT);

    /**
     * A named query; built-in views are computed afresh (their time bounds move with the clock).
     *
     * @param id null for a built-in view
     * @param owner who saved it; null for a built-in view
     * @param sharedWith the role whose holders all see it; null for a built-in or personal view
     */
    public record SavedView(String id, String name, MentionQuery query, String owner, StaffRole sharedWith) {

        public boolean builtIn() {
            return id == null;
        }
    }

    /** What became of a request to save a view. */
    public sealed interface Saving {
        record Saved(String id) implements Saving {}

        record Refused(String reason) implements Saving {}
    }

    private final InboxQueries queries;
    private final SavedViews saved;
    private final Clock clock;

    public InboxViews(InboxQueries queries, SavedViews saved, Clock clock) {
        this.queries = queries;
        this.saved = saved;
        this.clock = clock;
    }

    /** The views a person can pick: built-in first, then shared with their teams and their own, oldest first. */
    public List<SavedView> viewsFor(StaffUser user) {
        var views = new ArrayList<SavedView>();
        Instant now = clock.instant();
        views.add(builtIn("All", MentionQuery.everything()));
        views.add(builtIn(
                "My services",
                new MentionQuery(null, null, myServices(user), null, null, OPEN, null, null, null, null)));
        views.add(builtIn(
                "Immediate",
                new MentionQuery(
                        null, null, null, null, Set.of(Urgency.Level.IMMEDIATE), OPEN, null, null, null, null)));
        views.add(builtIn(
                "Unanswered > 24 h",
                new MentionQuery(
                        null,
                        null,
                        null,
                        null,
                        null,
                        Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS),
                        null,
                        null,
                        now.minus(UNANSWERED_AFTER),
                        null)));
        try {
            views.addAll(saved.visibleTo(user.getUsername(), user.roles()));
        } catch (RuntimeException e) {
            // The inbox still works with the built-in views while Elasticsearch is away.
            log.warn("Saved views are unavailable: {}", e.getMessage());
        }
        return views;
    }

    /** The roles a person may share a view with: their own (a manager cannot publish to the responders). */
    public static Set<StaffRole> teamsOf(StaffUser user) {
        return user.roles();
    }

    /**
     * Saves the query as a view of the person's own, or for everyone with one of their roles.
     *
     * @param sharedWith null to keep it to oneself
     */
    public Saving save(StaffUser user, String name, MentionQuery query, StaffRole sharedWith) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 80) {
            return new Saving.Refused("Give the view a name of at most 80 characters");
        }
        if (sharedWith != null && !user.has(sharedWith)) {
            return new Saving.Refused("You can share a view only with a team you are in");
        }
        try {
            return new Saving.Saved(saved.save(user.getUsername(), cleanName, query, sharedWith, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Could not save a view for {}: {}", user.getUsername(), e.getMessage());
            return new Saving.Refused(
                    "The view could not be saved just now (the search service did not answer); try again");
        }
    }

    /** Removes one of the person's own saved views (shared or not); false when it is not theirs. */
    public boolean remove(StaffUser user, String viewId) {
        return saved.remove(user.getUsername(), viewId);
    }

    private static SavedView builtIn(String name, MentionQuery query) {
        return new SavedView(null, name, query, null, null);
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
