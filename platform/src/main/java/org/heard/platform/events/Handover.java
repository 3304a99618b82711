package org.heard.platform.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.heard.contracts.Topic;

/**
 * Publishes from a thread of its own, for a caller that must not wait longer than it chose: a Kafka
 * producer that does not yet know where a topic lives waits for that inside {@code send} (up to its
 * {@code max.block.ms}, a minute), before any future is returned to time out on.
 */
public final class Handover {

    private static final Executor THREADS = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("heard-handover-", 0).factory());

    private Handover() {}

    /** The publisher's future, whatever thread {@code publish} itself blocks. */
    public static <T> CompletableFuture<Void> publish(EventPublisher publisher, Topic<T> topic, T record) {
        return CompletableFuture.supplyAsync(() -> publisher.publish(topic, record), THREADS)
                .thenCompose(sent -> sent);
    }
}
