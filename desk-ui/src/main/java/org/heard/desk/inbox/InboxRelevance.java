package org.heard.desk.inbox;

import java.util.Collection;
import java.util.Set;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.ServiceTag;
import org.heard.mentions.MentionQuery;

/**
 * Whether a mention triage just tagged can change what an open inbox shows, decided from the
 * announcement alone (no search): its scope, channel, services, sentiment and urgency against the
 * view's. What the announcement does not carry (the words, the status, the assignee, the dates) is
 * taken to match, so a view is refreshed when in doubt and never misses a mention it should show.
 */
final class InboxRelevance {

    private InboxRelevance() {}

    static boolean affects(MentionQuery query, MentionTriaged triaged) {
        var services = triaged.services().stream().map(ServiceTag::serviceId).toList();
        if (query.visibleServices() != null && !anyIn(services, query.visibleServices())) {
            return false;
        }
        if (!query.services().isEmpty() && !anyIn(services, query.services())) {
            return false;
        }
        if (!query.channels().isEmpty()
                && (triaged.channel() == null || !query.channels().contains(triaged.channel()))) {
            return false;
        }
        if (!query.sentiments().isEmpty()
                && !query.sentiments().contains(triaged.sentiment().label())) {
            return false;
        }
        return query.urgencies().isEmpty()
                || query.urgencies().contains(triaged.urgency().level());
    }

    /** Whether the mention can change any of these queries' results: the list's or one of the tabs' counts. */
    static boolean affectsAny(Collection<MentionQuery> queries, MentionTriaged triaged) {
        return queries.stream().anyMatch(query -> affects(query, triaged));
    }

    private static boolean anyIn(Collection<String> services, Set<String> wanted) {
        return services.stream().anyMatch(wanted::contains);
    }
}
