package org.heard.mentions;

import java.time.Instant;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;

/**
 * What the desk asks of the index: words and filters, each optional (null or empty = any).
 *
 * @param visibleServices when not null, only mentions tagged with one of these services are seen at all
 *     (a manager's scope); the desk sets it, never the person asking
 * @param assignee a username, or {@link #UNASSIGNED} for mentions nobody has taken
 * @param publishedFrom inclusive
 * @param publishedBefore exclusive; "unanswered for more than a day" is a status filter with this bound
 * @param authorsHidden the words are not looked for in authors' names and handles: someone who may not
 *     learn who wrote a mention must not find it by name either (the desk sets it, like the scope)
 */
public record MentionQuery(
        String words,
        Set<Channel> channels,
        Set<String> services,
        Set<Sentiment.Label> sentiments,
        Set<Urgency.Level> urgencies,
        Set<MentionStatus> statuses,
        String assignee,
        Instant publishedFrom,
        Instant publishedBefore,
        Set<String> visibleServices,
        boolean authorsHidden) {

    public static final String UNASSIGNED = "-";

    public MentionQuery {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        services = services == null ? Set.of() : Set.copyOf(services);
        sentiments = sentiments == null ? Set.of() : Set.copyOf(sentiments);
        urgencies = urgencies == null ? Set.of() : Set.copyOf(urgencies);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        visibleServices = visibleServices == null ? null : Set.copyOf(visibleServices);
    }

    public MentionQuery(
            String words,
            Set<Channel> channels,
            Set<String> services,
            Set<Sentiment.Label> sentiments,
            Set<Urgency.Level> urgencies,
            Set<MentionStatus> statuses,
            String assignee,
            Instant publishedFrom,
            Instant publishedBefore,
            Set<String> visibleServices) {
        this(
                words,
                channels,
                services,
                sentiments,
                urgencies,
                statuses,
                assignee,
                publishedFrom,
                publishedBefore,
                visibleServices,
                false);
    }

    public static MentionQuery everything() {
        return new MentionQuery(null, null, null, null, null, null, null, null, null, null);
    }

    public MentionQuery withWords(String newWords) {
        return new MentionQuery(
                newWords,
                channels,
                services,
                sentiments,
                urgencies,
                statuses,
                assignee,
                publishedFrom,
                publishedBefore,
                visibleServices,
                authorsHidden);
    }

    public MentionQuery within(Set<String> scope) {
        return new MentionQuery(
                words,
                channels,
                services,
                sentiments,
                urgencies,
                statuses,
                assignee,
                publishedFrom,
                publishedBefore,
                scope,
                authorsHidden);
    }

    /** The same query, its words not looked for in authors' names and handles. */
    public MentionQuery hidingAuthors() {
        return new MentionQuery(
                words,
                channels,
                services,
                sentiments,
                urgencies,
                statuses,
                assignee,
                publishedFrom,
                publishedBefore,
                visibleServices,
                true);
    }
}
