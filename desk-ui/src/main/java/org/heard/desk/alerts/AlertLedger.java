package org.heard.desk.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;

/**
 * Every delivery ({@value #DELIVERIES}) and every watched immediate mention ({@value #ESCALATIONS}).
 * Creation is create-only and changes are conditional on the version read, so with several desk
 * instances each delivery is made, retried and escalated by one of them.
 */
public class AlertLedger {

    public static final String DELIVERIES = "heard-alerts";
    public static final String ESCALATIONS = "heard-alert-escalations";

    private final ElasticsearchClient client;

    public AlertLedger(ElasticsearchClient client) {
        this.client = client;
    }

    /** A document as read, with the version a conditional write must match. */
    record Versioned<T>(T value, long seqNo, long primaryTerm) {}

    public void ensureExists() {
        create(
                DELIVERIES,
                m -> m.dynamic(DynamicMapping.Strict)
                        .properties("id", p -> p.keyword(k -> k))
                        .properties("alertId", p -> p.keyword(k -> k))
                        .properties("kind", p -> p.keyword(k -> k))
                        .properties("route", p -> p.keyword(k -> k))
                        .properties("recipient", p -> p.keyword(k -> k))
                        .properties("address", p -> p.keyword(k -> k))
                        .properties("mentionId", p -> p.keyword(k -> k))
                        .properties("conversationId", p -> p.keyword(k -> k))
                        .properties("services", p -> p.keyword(k -> k))
                        .properties("subject", p -> p.keyword(k -> k.index(false)))
                        .properties("body", p -> p.keyword(k -> k.index(false)))
                        .properties("state", p -> p.keyword(k -> k))
                        .properties("attempts", p -> p.integer(i -> i))
                        .properties("lastError", p -> p.keyword(k -> k.index(false)))
                        .properties("createdAt", p -> p.date(d -> d))
                        .properties("nextAttemptAt", p -> p.date(d -> d))
                        .properties("updatedAt", p -> p.date(d -> d)));
        create(
                ESCALATIONS,
                m -> m.dynamic(DynamicMapping.Strict)
                        .properties("mentionId", p -> p.keyword(k -> k))
                        .properties("conversationId", p -> p.keyword(k -> k))
                        .properties("services", p -> p.keyword(k -> k))
                        .properties("rota", p -> p.keyword(k -> k))
                        .properties("raisedAt", p -> p.date(d -> d))
                        .properties("nextAt", p -> p.date(d -> d))
                        .properties("step", p -> p.integer(i -> i))
                        .properties("told", p -> p.keyword(k -> k))
                        .properties("state", p -> p.keyword(k -> k))
                        .properties("updatedAt", p -> p.date(d -> d)));
    }

    private void create(String index, Function<TypeMapping.Builder, TypeMapping.Builder> mappings) {
        Indexes.createIfMissing(client, index, mappings::apply);
    }

    /** Creates the delivery unless it exists; the version when this call created it. */
    Optional<Versioned<AlertDelivery>> createDelivery(AlertDelivery delivery) {
        return createOnce(DELIVERIES, delivery.id(), delivery);
    }

    boolean createEscalation(Escalation escalation) {
        return createOnce(ESCALATIONS, escalation.mentionId(), escalation).isPresent();
    }

    /** Replaces the delivery if nobody changed it since it was read; false when somebody did. */
    Optional<Versioned<AlertDelivery>> update(Versioned<AlertDelivery> read, AlertDelivery changed) {
        return replaceIf(DELIVERIES, changed.id(), read, changed);
    }

    Optional<Versioned<Escalation>> update(Versioned<Escalation> read, Escalation changed) {
        return replaceIf(ESCALATIONS, changed.mentionId(), read, changed);
    }

    /** Pending deliveries whose next attempt is due. */
    List<Versioned<AlertDelivery>> due(Instant now, int limit) {
        return search(
                DELIVERIES,
                Query.of(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field("state").value(AlertDelivery.State.PENDING.wire())))
                        .filter(f -> f.range(
                                r -> r.date(d -> d.field("nextAttemptAt").lte(now.toString())))))),
                "nextAttemptAt",
                limit,
                AlertDelivery.class);
    }

    List<Versioned<Escalation>> escalationsDue(Instant now, int limit) {
        return search(
                ESCALATIONS,
                Query.of(q -> q.bool(b -> b.filter(
                                f -> f.term(t -> t.field("state").value(Escalation.State.WATCHING.wire())))
                        .filter(f -> f.range(r -> r.date(d -> d.field("nextAt").lte(now.toString())))))),
                "nextAt",
                limit,
                Escalation.class);
    }

    boolean hasDelivery(String id) {
        return Store.call(() -> client.exists(exists -> exists.index(DELIVERIES).id(id)))
                .value();
    }

    Optional<Escalation> escalation(String mentionId) {
        var found = Store.call(() -> client.get(get -> get.index(ESCALATIONS).id(mentionId), Escalation.class));
        return Optional.ofNullable(found.found() ? found.source() : null);
    }

    /** Deliveries for the admin page, newest first; {@code state} null for all. */
    public List<AlertDelivery> deliveries(AlertDelivery.State state, String mentionId, int limit) {
        var query = Query.of(q -> q.bool(b -> {
            b.filter(f -> f.matchAll(m -> m));
            if (state != null) {
                b.filter(f -> f.term(t -> t.field("state").value(state.wire())));
            }
            if (mentionId != null && !mentionId.isBlank()) {
                b.filter(f -> f.term(t -> t.field("mentionId").value(mentionId.strip())));
            }
            return b;
        }));
        var response = Store.call(() -> client.search(
                s -> s.index(DELIVERIES)
                        .query(query)
                        .size(limit)
                        .sort(o -> o.field(f -> f.field("updatedAt").order(SortOrder.Desc))),
                AlertDelivery.class));
        return response.hits().hits().stream()
                .map(hit -> hit.source())
                .filter(Objects::nonNull)
                .toList();
    }

    private <T> Optional<Versioned<T>> createOnce(String index, String id, T document) {
        try {
            var response = Store.call(() -> client.create(
                    create -> create.index(index).id(id).document(document).refresh(Refresh.WaitFor)));
            return Optional.of(new Versioned<>(document, response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> Optional<Versioned<T>> replaceIf(String index, String id, Versioned<T> read, T changed) {
        try {
            var response = Store.call(() -> client.index(put -> put.index(index)
                    .id(id)
                    .document(changed)
                    .ifSeqNo(read.seqNo())
                    .ifPrimaryTerm(read.primaryTerm())
                    .refresh(Refresh.WaitFor)));
            return Optional.of(new Versioned<>(changed, response.seqNo(), response.primaryTerm()));
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private <T> List<Versioned<T>> search(String index, Query query, String sortField, int limit, Class<T> type) {
        var response = Store.call(() -> client.search(
                s -> s.index(index)
                        .query(query)
                        .size(limit)
                        .seqNoPrimaryTerm(true)
                        .sort(o -> o.field(f -> f.field(sortField).order(SortOrder.Asc))),
                type));
        return response.hits().hits().stream()
                .filter(hit -> hit.source() != null)
                .map(hit -> new Versioned<>(
                        hit.source(),
                        hit.seqNo() == null ? 0 : hit.seqNo(),
                        hit.primaryTerm() == null ? 0 : hit.primaryTerm()))
                .toList();
    }
}
