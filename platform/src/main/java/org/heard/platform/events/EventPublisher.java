package org.heard.platform.events;

import java.util.concurrent.CompletableFuture;
import org.heard.contracts.Topic;

/**
 * Puts records on their topic. The future completes only when the broker has acknowledged the
 * record (acks=all), so a caller may then mark the source as processed: nothing is lost between.
 */
public interface EventPublisher {

    <T> CompletableFuture<Void> publish(Topic<T> topic, T record);
}
