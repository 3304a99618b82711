package org.heard.mentions;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;

/** The Elasticsearch query for a {@link MentionQuery}: its words and filters over the index's fields. */
public final class MentionQueries {

    private MentionQueries() {}

    /** The query the index runs for a {@link MentionQuery}: for callers that add aggregations or filters of their own. */
    public static Query toQuery(MentionQuery query) {
        var filters = new ArrayList<Query>();
        if (query.visibleServices() != null) {
            filters.add(terms("services.serviceId", query.visibleServices()));
        }
        if (!query.channels().isEmpty()) {
            filters.add(terms(
                    "channel", query.channels().stream().map(Channel::wire).toList()));
        }
        if (!query.services().isEmpty()) {
            filters.add(terms("services.serviceId", query.services()));
        }
        if (!query.sentiments().isEmpty()) {
            filters.add(terms(
                    "sentiment.label",
                    query.sentiments().stream().map(Sentiment.Label::wire).toList()));
        }
        if (!query.urgencies().isEmpty()) {
            filters.add(terms(
                    "urgency.level",
                    query.urgencies().stream().map(Urgency.Level::wire).toList()));
        }
        if (!query.statuses().isEmpty()) {
            filters.add(terms(
                    "status", query.statuses().stream().map(MentionStatus::wire).toList()));
        }
        if (MentionQuery.UNASSIGNED.equals(query.assignee())) {
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("assignee"))))));
        } else if (query.assignee() != null && !query.assignee().isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("assignee").value(query.assignee()))));
        }
        if (query.publishedFrom() != null || query.publishedBefore() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("publishedAt");
                if (query.publishedFrom() != null) {
                    d.gte(query.publishedFrom().toString());
                }
                if (query.publishedBefore() != null) {
                    d.lt(query.publishedBefore().toString());
                }
                return d;
            }))));
        }
        String words = query.words();
        boolean anyWords = words != null && !words.isBlank();
        return Query.of(q -> q.bool(b -> {
            b.filter(filters);
            if (anyWords) {
                var fields = query.authorsHidden()
                        ? List.of("subject^2", "text", "lemmas", "urgency.reasons")
                        : List.of(
                                "subject^2",
                                "text",
                                "lemmas",
                                "author.displayName",
                                "author.handle",
                                "urgency.reasons");
                b.must(m -> m.multiMatch(match -> match.query(words).fields(fields)));
            }
            return b;
        }));
    }

    private static Query terms(String field, Collection<String> values) {
        var fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }
}
