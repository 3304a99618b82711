package org.heard.ingest.twitter;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/** Keeps what was published, acknowledging at once, or refusing while {@link #down} is set (a broker that is away). */
class RecordingPublisher implements EventPublisher {

    final List<MentionReceived> mentions = new CopyOnWriteArrayList<>();
    final List<DeadLettered> deadLetters = new CopyOnWriteArrayList<>();
    volatile boolean down;

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        if (down) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
        }
        if (topic.equals(Topics.MENTIONS)) {
            mentions.add((MentionReceived) record);
        } else if (topic.equals(Topics.DEAD_LETTERS)) {
            deadLetters.add((DeadLettered) record);
        } else {
            throw new IllegalArgumentException("Unexpected topic " + topic.name());
        }
        return CompletableFuture.completedFuture(null);
    }

    List<String> texts() {
        return mentions.stream().map(MentionReceived::text).toList();
    }
}
