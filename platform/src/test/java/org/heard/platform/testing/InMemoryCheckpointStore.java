package org.heard.platform.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * A {@link CheckpointStore} in memory for fast tests: "durable" for as long as the test keeps the
 * instance, so code under test may be restarted against it. It counts single and bulk writes, and
 * forgets by age with the clock it was given.
 */
public class InMemoryCheckpointStore implements CheckpointStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, Instant> writtenAt = new ConcurrentHashMap<>();
    private final List<String> singleWrites = new CopyOnWriteArrayList<>();
    private final AtomicInteger bulkWrites = new AtomicInteger();
    private final Clock clock;

    public InMemoryCheckpointStore() {
        this(Clock.systemUTC());
    }

    public InMemoryCheckpointStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void write(String key, String value) {
        singleWrites.add(key);
        put(key, value);
    }

    @Override
    public void writeAll(Map<String, String> entries) {
        bulkWrites.incrementAndGet();
        entries.forEach(this::put);
    }

    @Override
    public long forgetOlderThan(String keyPrefix, Instant cutoff) {
        var old = writtenAt.entrySet().stream()
                .filter(entry ->
                        entry.getKey().startsWith(keyPrefix) && entry.getValue().isBefore(cutoff))
                .map(Map.Entry::getKey)
                .toList();
        old.forEach(key -> {
            values.remove(key);
            writtenAt.remove(key);
        });
        return old.size();
    }

    /** Everything held, by key (a live view). */
    public Map<String, String> values() {
        return values;
    }

    /** Keys written one by one, in order. */
    public List<String> singleWrites() {
        return singleWrites;
    }

    /** How many single writes there were. */
    public int writes() {
        return singleWrites.size();
    }

    /** How many bulk writes there were. */
    public int bulkWrites() {
        return bulkWrites.get();
    }

    private void put(String key, String value) {
        values.put(key, value);
        writtenAt.put(key, clock.instant());
    }
}
