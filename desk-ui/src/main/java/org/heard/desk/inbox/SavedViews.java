package org.heard.desk.inbox;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.DeskJson;
import org.heard.desk.security.StaffRole;
import org.heard.mentions.MentionQuery;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@value #INDEX} index: views people saved for themselves or shared with everyone holding one
 * of their roles (a team: the communications team are the responders, the ward managers the
 * managers). Written with refresh, so a saved view is on every desk instance at once and survives
 * restarts. The query is kept as JSON the index does not search; a person's scope is added when
 * the view is counted or shown, never stored with it.
 */
public class SavedViews {

    public static final String INDEX = "heard-views";
    static final int MOST_VIEWS = 200;

    /**
     * One saved view as stored.
     *
     * @param owner the username of whoever saved it
     * @param sharedWith the role whose holders all see it; null when only the owner does
     * @param query the {@link MentionQuery} as JSON
     */
    record Stored(String id, String name, String owner, String sharedWith, String query, Instant savedAt) {}

    private static final Logger log = LoggerFactory.getLogger(SavedViews.class);

    private final ElasticsearchClient client;

    public SavedViews(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index with an explicit mapping; harmless when it exists. */
    public void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("id", p -> p.keyword(k -> k))
                        .properties("name", p -> p.keyword(k -> k))
                        .properties("owner", p -> p.keyword(k -> k))
                        .properties("sharedWith", p -> p.keyword(k -> k))
                        .properties("query", p -> p.keyword(k -> k.index(false).docValues(false)))
                        .properties("savedAt", p -> p.date(d -> d)));
    }

    /** Saves a view; on every instance when this returns. Returns its id. */
    String save(String owner, String name, MentionQuery query, StaffRole sharedWith, Instant now) {
        var stored = new Stored(
                UUID.randomUUID().toString(),
                name,
                owner,
                sharedWith == null ? null : sharedWith.name(),
                DeskJson.writeString(query.within(null)),
                now);
        Store.run(() -> client.index(index ->
                index.index(INDEX).id(stored.id()).refresh(Refresh.WaitFor).document(stored)));
        return stored.id();
    }

    /** The person's own views and those shared with one of their roles, oldest first. */
    List<InboxViews.SavedView> visibleTo(String username, Set<StaffRole> roles) {
        var roleNames = roles.stream().map(role -> FieldValue.of(role.name())).toList();
        try {
            var response = Store.call(() -> client.search(
                    search -> search.index(INDEX)
                            .query(q -> q.bool(b -> b.minimumShouldMatch("1")
                                    .should(s -> s.bool(mine -> mine.filter(f ->
                                                    f.term(t -> t.field("owner").value(username)))
                                            .mustNot(n -> n.exists(e -> e.field("sharedWith")))))
                                    .should(s ->
                                            s.terms(t -> t.field("sharedWith").terms(v -> v.value(roleNames))))))
                            .size(MOST_VIEWS)
                            .sort(s -> s.field(f -> f.field("savedAt").order(SortOrder.Asc)))
                            .sort(s -> s.field(f -> f.field("id").order(SortOrder.Asc))),
                    Stored.class));
            return response.hits().hits().stream()
                    .map(hit -> hit.source())
                    .filter(Objects::nonNull)
                    .map(SavedViews::toView)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return List.of();
            }
            throw e;
        }
    }

    /** Removes a view its owner saved; false when there is no such view of theirs. */
    boolean remove(String owner, String viewId) {
        var found = Store.call(() -> client.get(get -> get.index(INDEX).id(viewId), Stored.class));
        if (!found.found()
                || found.source() == null
                || !owner.equals(found.source().owner())) {
            return false;
        }
        Store.run(() -> client.delete(delete -> delete.index(INDEX).id(viewId).refresh(Refresh.WaitFor)));
        return true;
    }

    private static Optional<InboxViews.SavedView> toView(Stored stored) {
        try {
            var query = DeskJson.mapper().readValue(stored.query(), MentionQuery.class);
            StaffRole role = stored.sharedWith() == null ? null : StaffRole.valueOf(stored.sharedWith());
            return Optional.of(
                    new InboxViews.SavedView(stored.id(), stored.name(), query.within(null), stored.owner(), role));
        } catch (RuntimeException unreadable) {
            // A view written by a newer desk, or edited by hand: not shown rather than breaking the inbox.
            log.warn(
                    "Saved view {} ('{}' of {}) cannot be read and is not shown: {}",
                    stored.id(),
                    stored.name(),
                    stored.owner(),
                    unreadable.getMessage());
            return Optional.empty();
        }
    }
}
