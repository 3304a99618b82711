package org.heard.desk.mentions;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.platform.search.Indexes;
import org.heard.platform.search.Store;

/**
 * The {@value #INDEX} index: conversations whose author the communications team revealed to the
 * people who run their services, with who did it, when and why. One entry per conversation,
 * create-only (the first reveal stands; the audit log has every attempt), written with refresh so
 * every desk instance shows the author at once.
 */
public class IdentityReveals {

    public static final String INDEX = "heard-reveals";

    /** A reveal: who, when, and the reason they gave. */
    public record Reveal(String conversationId, String by, String byName, String reason, Instant at) {}

    private final ElasticsearchClient client;

    public IdentityReveals(ElasticsearchClient client) {
        this.client = client;
    }

    public void ensureExists() {
        Indexes.createIfMissing(
                client,
                INDEX,
                mappings -> mappings.properties("conversationId", p -> p.keyword(k -> k))
                        .properties("by", p -> p.keyword(k -> k))
                        .properties("byName", p -> p.keyword(k -> k.index(false)))
                        .properties("reason", p -> p.text(t -> t.index(false)))
                        .properties("at", p -> p.date(d -> d)));
    }

    /** Records a reveal; false when the conversation was revealed already. */
    boolean record(Reveal reveal) {
        try {
            Store.run(() -> client.create(create -> create.index(INDEX)
                    .id(reveal.conversationId())
                    .refresh(Refresh.WaitFor)
                    .document(reveal)));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        }
    }

    public Optional<Reveal> of(String conversationId) {
        return Optional.ofNullable(of(List.of(conversationId)).get(conversationId));
    }

    /** The reveals among these conversations, by conversation. */
    Map<String, Reveal> of(Collection<String> conversationIds) {
        var found = new HashMap<String, Reveal>();
        if (conversationIds.isEmpty()) {
            return found;
        }
        try {
            var response = Store.call(
                    () -> client.mget(get -> get.index(INDEX).ids(List.copyOf(conversationIds)), Reveal.class));
            for (var item : response.docs()) {
                if (item.isResult() && item.result().found() && item.result().source() != null) {
                    found.put(item.result().id(), item.result().source());
                }
            }
            return found;
        } catch (ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return found;
            }
            throw e;
        }
    }
}
