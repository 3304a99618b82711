package org.heard.desk.channels;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each account's unanswered mentions (new or in progress) from the mention index, in one
 * aggregation, keyed like the status reports ({@code channel:account}).
 */
class ChannelBacklog {

    private static final Logger log = LoggerFactory.getLogger(ChannelBacklog.class);
    static final List<MentionStatus> UNANSWERED = List.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS);

    private final ElasticsearchClient client;

    ChannelBacklog(ElasticsearchClient client) {
        this.client = client;
    }

    /** Unanswered mentions per {@code channel:account}; empty when the index cannot be asked (the page says so). */
    Optional<Map<String, Long>> unansweredByAccount() {
        try {
            var statuses = UNANSWERED.stream()
                    .map(status -> FieldValue.of(status.wire()))
                    .toList();
            var response = client.search(
                    search -> search.index(MentionIndexSchema.ALIAS)
                            .size(0)
                            .query(query ->
                                    query.terms(terms -> terms.field("status").terms(values -> values.value(statuses))))
                            .aggregations(
                                    "channels",
                                    channels -> channels.terms(terms ->
                                                    terms.field("channel").size(20))
                                            .aggregations(
                                                    "accounts",
                                                    accounts -> accounts.terms(terms -> terms.field("account")
                                                            .size(1000)))),
                    Void.class);
            var counts = new HashMap<String, Long>();
            for (var channel :
                    response.aggregations().get("channels").sterms().buckets().array()) {
                for (var account : channel.aggregations()
                        .get("accounts")
                        .sterms()
                        .buckets()
                        .array()) {
                    counts.put(channel.key().stringValue() + ":" + account.key().stringValue(), account.docCount());
                }
            }
            return Optional.of(counts);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot count the unanswered mentions per account: {}", e.toString());
            return Optional.empty();
        }
    }
}
