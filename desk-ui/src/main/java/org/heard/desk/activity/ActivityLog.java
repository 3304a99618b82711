package org.heard.desk.activity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;

/** The {@value #INDEX} index: an append-only history, read per conversation or as recent replies. */
public class ActivityLog {

    public static final String INDEX = "heard-activity";

    private final ElasticsearchClient client;
    private final Set<Consumer<Activity>> recorded = new CopyOnWriteArraySet<>();

    public ActivityLog(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index with an explicit mapping; harmless when it exists. */
    public void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("id", p -> p.keyword(k -> k))
                        .properties("conversationId", p -> p.keyword(k -> k))
                        .properties("mentionId", p -> p.keyword(k -> k))
                        .properties("kind", p -> p.keyword(k -> k))
                        .properties("actor", p -> p.keyword(k -> k))
                        .properties("text", p -> p.text(t -> t))
                        .properties("details", p -> p.object(o -> o.enabled(false)))
                        .properties("at", p -> p.date(d -> d)));
    }

    /** Records an entry; searchable when this returns. The same id written again replaces it. */
    public void record(Activity activity) {
        Store.run(() -> client.index(index ->
                index.index(INDEX).id(activity.id()).refresh(Refresh.WaitFor).document(activity)));
        for (var listener : recorded) {
            try {
                listener.accept(activity);
            } catch (RuntimeException e) {
                // The entry is recorded; a listener's trouble is its own.
            }
        }
    }

    /**
     * Also tells the listener of every entry recorded from now on (the audit log keeps its own copy of
     * who did what). The listener must be quick and must not throw.
     */
    public void onRecorded(Consumer<Activity> listener) {
        recorded.add(listener);
    }

    /** One entry by its id (a reply request's id is its reply's id). */
    public java.util.Optional<Activity> find(String id) {
        var response = Store.call(() -> client.get(get -> get.index(INDEX).id(id), Activity.class));
        return response.found() ? java.util.Optional.ofNullable(response.source()) : java.util.Optional.empty();
    }

    /** The history of a conversation, oldest first. */
    public List<Activity> ofConversation(String conversationId) {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .query(q -> q.term(t -> t.field("conversationId").value(conversationId)))
                        .size(500)
                        .sort(s -> s.field(f -> f.field("at").order(SortOrder.Asc))),
                Activity.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * Every tag correction (at or after {@code from}, when given), by mention, then in the order
     * they were made, a page at a time ({@code search_after}), so a caller can group a mention's
     * corrections while holding one page.
     */
    public void eachCorrection(Instant from, int pageSize, Consumer<Activity> each) {
        List<FieldValue> after = List.of();
        while (true) {
            var position = after;
            var response = Store.call(() -> client.search(
                    search -> {
                        search.index(INDEX)
                                .query(q -> q.bool(b -> {
                                    b.filter(f ->
                                            f.term(t -> t.field("kind").value(Activity.Kind.TAG_CORRECTED.wire())));
                                    if (from != null) {
                                        b.filter(f -> f.range(
                                                r -> r.date(d -> d.field("at").gte(from.toString()))));
                                    }
                                    return b;
                                }))
                                .size(pageSize)
                                .sort(s -> s.field(f -> f.field("mentionId").order(SortOrder.Asc)))
                                .sort(s -> s.field(f -> f.field("at").order(SortOrder.Asc)))
                                .sort(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
                        if (!position.isEmpty()) {
                            search.searchAfter(position);
                        }
                        return search;
                    },
                    Activity.class));
            var hits = response.hits().hits();
            hits.stream().map(hit -> hit.source()).filter(Objects::nonNull).forEach(each);
            if (hits.size() < pageSize) {
                return;
            }
            after = hits.getLast().sort();
        }
    }

    /** The organisation's most recent replies (any responder, any conversation), newest first. */
    public List<Activity> recentReplies(int limit) {
        var response = Store.call(() -> client.search(
                search -> search.index(INDEX)
                        .query(q -> q.term(t -> t.field("kind").value(Activity.Kind.REPLY_REQUESTED.wire())))
                        .size(limit)
                        .sort(s -> s.field(f -> f.field("at").order(SortOrder.Desc))),
                Activity.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
    }
}
