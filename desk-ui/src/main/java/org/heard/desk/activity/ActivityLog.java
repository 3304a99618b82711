package org.heard.desk.activity;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.heard.platform.search.Indexes;

/** The {@value #INDEX} index: an append-only history, read per conversation or as recent replies. */
public class ActivityLog {

    public static final String INDEX = "heard-activity";

    private final ElasticsearchClient client;

    public ActivityLog(ElasticsearchClient client) {
        this.client = client;
    }

    /** Creates the index with an explicit mapping; harmless when it exists. */
    public void ensureExists() {
        Indexes.createIfMissing(client, INDEX, mappings -> mappings
                .properties("id", p -> p.keyword(k -> k))
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
        try {
            client.index(index -> index.index(INDEX).id(activity.id()).refresh(Refresh.WaitFor).document(activity));
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** The history of a conversation, oldest first. */
    public List<Activity> ofConversation(String conversationId) {
        try {
            var response = client.search(search -> search.index(INDEX)
                            .query(q -> q.term(t -> t.field("conversationId").value(conversationId)))
                            .size(500)
                            .sort(s -> s.field(f -> f.field("at").order(SortOrder.Asc))),
                    Activity.class);
            return response.hits().hits().stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }

    /** The organisation's most recent replies (any responder, any conversation), newest first. */
    public List<Activity> recentReplies(int limit) {
        try {
            var response = client.search(search -> search.index(INDEX)
                            .query(q -> q.term(t -> t.field("kind").value(Activity.Kind.REPLY_REQUESTED.wire())))
                            .size(limit)
                            .sort(s -> s.field(f -> f.field("at").order(SortOrder.Desc))),
                    Activity.class);
            return response.hits().hits().stream().map(hit -> hit.source()).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch is unreachable", e);
        }
    }
}
