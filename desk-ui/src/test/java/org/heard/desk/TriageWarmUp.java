package org.heard.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.heard.contracts.Topics;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;

/**
 * Triage loads its NLP models in the background and holds mentions until they are in. Tests that
 * wait for a mention with a short timeout first wait, once per JVM, for one mention to come through.
 */
final class TriageWarmUp {

    private static volatile boolean warm;

    private TriageWarmUp() {}

    static synchronized void untilTriaging(EventPublisher publisher, MentionSearch index) throws Exception {
        if (warm) {
            return;
        }
        var mention = TestMentions.tweet("warm-up-" + TestMentions.uniqueWord(), "Warming up triage", Instant.now());
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> index.find(mention.mentionId().value()).isPresent());
        warm = true;
    }
}
