package org.heard.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/**
 * An {@link EventPublisher} for fast tests: keeps what it acknowledged, per topic, in order, and
 * acknowledges at once. It can behave like a broker that went away: {@link #goDown()} refuses
 * everything, {@link #failAfter(int)} acknowledges that many records and then refuses,
 * {@link #refuse(Predicate)} refuses chosen records (with the exception of your choice).
 */
public final class RecordingEventPublisher implements EventPublisher {

    private record Published(Topic<?> topic, Object record) {}

    private final List<Published> published = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Predicate<Object> refused = record -> false;
    private volatile Supplier<? extends Throwable> failure =
            () -> new IllegalStateException("broker unavailable (test)");
    private volatile int acknowledgeAtMost = Integer.MAX_VALUE;

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        synchronized (this) {
            if (attempts.incrementAndGet() > acknowledgeAtMost || refused.test(record)) {
                return CompletableFuture.failedFuture(failure.get());
            }
            published.add(new Published(topic, record));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Refuses every record from now on, as a broker that is away. */
    public void goDown() {
        refuse(record -> true);
    }

    /** Acknowledges everything again. */
    public void acceptAll() {
        refused = record -> false;
        acknowledgeAtMost = Integer.MAX_VALUE;
        failure = () -> new IllegalStateException("broker unavailable (test)");
    }

    /** Refuses the records that match, with "broker unavailable". */
    public void refuse(Predicate<Object> which) {
        refuse(which, () -> new IllegalStateException("broker unavailable (test)"));
    }

    /** Refuses the records that match, failing their publish with {@code why}. */
    public void refuse(Predicate<Object> which, Supplier<? extends Throwable> why) {
        failure = why;
        refused = which;
    }

    /** Acknowledges {@code records} more publishes, counted from the first, then refuses every one after. */
    public RecordingEventPublisher failAfter(int records) {
        acknowledgeAtMost = records;
        return this;
    }

    /** How many publishes were asked for, acknowledged or not. */
    public int attempts() {
        return attempts.get();
    }

    /** Everything acknowledged, in order, on any topic. */
    public synchronized List<Object> acknowledged() {
        return published.stream().map(Published::record).toList();
    }

    /** What was acknowledged on one topic, in order. */
    public synchronized <T> List<T> on(Topic<T> topic) {
        return published.stream()
                .filter(entry -> entry.topic().name().equals(topic.name()))
                .map(entry -> topic.type().cast(entry.record()))
                .toList();
    }

    public List<MentionReceived> mentions() {
        return on(Topics.MENTIONS);
    }

    public List<DeadLettered> deadLetters() {
        return on(Topics.DEAD_LETTERS);
    }

    /** The acknowledged mentions' texts, in order. */
    public List<String> texts() {
        return mentions().stream().map(MentionReceived::text).toList();
    }

    public synchronized void clear() {
        published.clear();
    }
}
