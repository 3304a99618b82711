package org.heard.ingest.story;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;

/** Keeps what was published, per topic; can refuse chosen records, like a broker that is down. */
final class InMemoryEventPublisher implements EventPublisher {

    private record Published(String topic, Object record) {}

    private final List<Published> published = new ArrayList<>();
    private volatile Predicate<Object> refuse = record -> false;

    @Override
    public synchronized <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        if (refuse.test(record)) {
            return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable (test)"));
        }
        published.add(new Published(topic.name(), record));
        return CompletableFuture.completedFuture(null);
    }

    void refuse(Predicate<Object> which) {
        this.refuse = which;
    }

    void acceptAll() {
        this.refuse = record -> false;
    }

    synchronized <T> List<T> on(Topic<T> topic) {
        return published.stream()
                .filter(entry -> entry.topic().equals(topic.name()))
                .map(entry -> topic.type().cast(entry.record()))
                .toList();
    }

    synchronized void clear() {
        published.clear();
    }
}
