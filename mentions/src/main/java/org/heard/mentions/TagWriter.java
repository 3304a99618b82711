package org.heard.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.contracts.MentionTriaged;
import org.heard.platform.search.Store;

/** What triage writes: mentions with their machine tags, and re-tags after a model change. */
public final class TagWriter {

    private static final String ALIAS = MentionIndexSchema.ALIAS;

    private final ElasticsearchClient client;

    public TagWriter(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Writes triaged mentions. A mention indexed before keeps what staff did with it (status,
     * assignee); only the mention and its tags are replaced, so re-ingesting is harmless.
     *
     * @return the mentions Elasticsearch refused, with its reason (a mapping error, a bad value)
     * @throws UncheckedIOException when Elasticsearch cannot be reached: nothing was written for sure, retry all
     */
    public Map<String, String> upsertAll(List<MentionDocument> documents) {
        if (documents.isEmpty()) {
            return Map.of();
        }
        var operations = new ArrayList<BulkOperation>(documents.size());
        for (var document : documents) {
            operations.add(BulkOperation.of(op -> op.update(update -> update.index(ALIAS)
                    .id(document.mentionId())
                    .retryOnConflict(3)
                    .action(action -> action.doc(document).upsert(document.asNew())))));
        }
        // Refreshed before this returns, so the mentions are searchable when the desk, told by the
        // triaged event that follows, looks for them. A refresh of its own rather than wait_for: waiting
        // for the next scheduled refresh cost each mention up to a second on its way to an open inbox
        // (docs/desk.md, "Live within two seconds"); one refresh per triage batch is cheap, as a busy
        // triage writes big batches and an idle one none.
        var response =
                Store.call(() -> client.bulk(bulk -> bulk.refresh(Refresh.True).operations(operations)));
        var refused = new LinkedHashMap<String, String>();
        if (response.errors()) {
            for (var item : response.items()) {
                if (item.error() != null) {
                    refused.put(
                            item.id(), item.error().type() + ": " + item.error().reason());
                }
            }
        }
        return refused;
    }

    /**
     * Replaces the machine's tags of indexed mentions (a re-triage) and nothing else: status,
     * assignee and the text stay, and so does every tag staff corrected. Each write is conditional on
     * the version it was computed from, so a correction made meanwhile is never overwritten: the
     * write is computed again from the new version.
     *
     * @param jobId recorded in {@code retriage.job}, which is how a job counts what is done
     * @return the mentions that were not re-tagged, with the reason (gone from the index, refused)
     * @throws UncheckedIOException when Elasticsearch cannot be reached
     */
    public Map<String, String> retagAll(List<MentionTriaged> tags, String jobId, Instant at) {
        var pending = new LinkedHashMap<String, MentionTriaged>();
        tags.forEach(tag -> pending.put(tag.mentionId().value(), tag));
        var notRetagged = new LinkedHashMap<String, String>();
        for (int round = 0; round < 5 && !pending.isEmpty(); round++) {
            @SuppressWarnings("rawtypes")
            var current = Store.call(() ->
                    client.mget(get -> get.index(ALIAS).ids(List.copyOf(pending.keySet())), Map.class));
            var operations = new ArrayList<BulkOperation>();
            for (var item : current.docs()) {
                if (!item.isResult() || !item.result().found() || item.result().seqNo() == null) {
                    String id = item.isResult()
                            ? item.result().id()
                            : item.failure().id();
                    notRetagged.put(id, "no longer in the index");
                    pending.remove(id);
                    continue;
                }
                var found = item.result();
                var change = retagged(pending.get(found.id()), found.source(), jobId, at);
                operations.add(BulkOperation.of(op -> op.update(update -> update.index(found.index())
                        .id(found.id())
                        .ifSeqNo(found.seqNo())
                        .ifPrimaryTerm(found.primaryTerm())
                        .action(action -> action.doc(change)))));
            }
            if (operations.isEmpty()) {
                break;
            }
            var response = Store.call(() -> client.bulk(bulk -> bulk.operations(operations)));
            for (var item : response.items()) {
                if (item.error() == null) {
                    pending.remove(item.id());
                } else if (!"version_conflict_engine_exception"
                        .equals(item.error().type())) {
                    notRetagged.put(
                            item.id(), item.error().type() + ": " + item.error().reason());
                    pending.remove(item.id());
                }
            }
        }
        pending.keySet().forEach(id -> notRetagged.put(id, "changed by others five times while being re-tagged"));
        return notRetagged;
    }

    private static Map<String, Object> retagged(MentionTriaged tags, Map<?, ?> current, String jobId, Instant at) {
        var corrections =
                current == null || !(current.get("corrections") instanceof Map<?, ?> marked) ? Map.of() : marked;
        var change = new LinkedHashMap<String, Object>();
        if (!Boolean.TRUE.equals(corrections.get("sentiment"))) {
            change.put("sentiment", tags.sentiment());
        }
        if (!Boolean.TRUE.equals(corrections.get("services"))) {
            change.put("services", tags.services());
        }
        if (!Boolean.TRUE.equals(corrections.get("urgency"))) {
            change.put("urgency", tags.urgency());
            change.put("urgencyRank", tags.urgency().level().rank());
        }
        change.put("personalData", tags.personalData());
        change.put("sentences", tags.sentences());
        change.put("model", tags.model());
        change.put("triagedAt", tags.triagedAt());
        change.put("retriage", Map.of("job", jobId, "at", at));
        return change;
    }
}
