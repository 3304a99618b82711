package org.heard.ingest.story;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/**
 * Where the channel puts what it cannot take in: kept whole with a reason an admin can act on.
 * The id is derived from source, reason and payload, so the same bad input read twice is one dead
 * letter downstream.
 */
final class DeadLetters {

    private final String source;
    private final EventPublisher publisher;
    private final Clock clock;

    DeadLetters(String subscription, EventPublisher publisher, Clock clock) {
        this.source = "story:" + subscription;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Publishes the dead letter; the future completes when the broker has it. */
    CompletableFuture<Void> put(String reason, String rawPayload, Map<String, String> context) {
        String identity = source + '\u0000' + reason + '\u0000' + rawPayload;
        String id = "story-dead-" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        return publisher.publish(
                Topics.DEAD_LETTERS, DeadLettered.ofText(id, source, reason, rawPayload, context, clock.instant()));
    }
}
