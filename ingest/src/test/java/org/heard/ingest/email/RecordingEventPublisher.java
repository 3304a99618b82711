package org.heard.ingest.email;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;

/**
 * Records what was acknowledged. {@code failAfter} acknowledges that many records and then fails
 * every publish, as a broker that goes away mid-batch would.
 */
final class RecordingEventPublisher implements EventPublisher {

    final List<Object> acknowledged = new CopyOnWriteArrayList<>();
    private final int failAfter;
    private final AtomicInteger attempts = new AtomicInteger();

    RecordingEventPublisher() {
        this(Integer.MAX_VALUE);
    }

    RecordingEventPublisher(int failAfter) {
        this.failAfter = failAfter;
    }

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        if (attempts.incrementAndGet() > failAfter) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
        }
        acknowledged.add(record);
        return CompletableFuture.completedFuture(null);
    }

    List<MentionReceived> mentions() {
        return acknowledged.stream()
                .filter(MentionReceived.class::isInstance)
                .map(MentionReceived.class::cast)
                .toList();
    }

    List<DeadLettered> deadLetters() {
        return acknowledged.stream()
                .filter(DeadLettered.class::isInstance)
                .map(DeadLettered.class::cast)
                .toList();
    }

}
