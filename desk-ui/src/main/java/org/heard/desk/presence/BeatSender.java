package org.heard.desk.presence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends beats off the caller's thread: a page opening a conversation must not wait for Kafka (a
 * producer blocks while the cluster is unreachable). Beats are sent in order.
 */
class BeatSender implements Consumer<PresenceBeat>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BeatSender.class);

    private final EventPublisher publisher;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("heard-presence-send").daemon().factory());

    BeatSender(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void accept(PresenceBeat beat) {
        try {
            sending.execute(() -> send(beat));
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            // Shutting down: the other instances will time this visit out.
        }
    }

    private void send(PresenceBeat beat) {
        try {
            publisher.publish(PresenceBeat.TOPIC, beat).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("A presence beat was not sent (other desk instances rely on the next one): {}", e.getMessage());
        }
    }

    /** Sends what is queued (the farewells of a shutdown), for a few seconds at most. */
    @Override
    public void close() {
        sending.shutdown();
        try {
            if (!sending.awaitTermination(5, TimeUnit.SECONDS)) {
                sending.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sending.shutdownNow();
        }
    }
}
