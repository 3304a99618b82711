package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.platform.checkpoint.CheckpointStore;

/** Checkpoints in memory; "durable" for as long as the test keeps the instance, across restarts of the code under test. */
class MemoryCheckpoints implements CheckpointStore {

    final Map<String, String> values = new ConcurrentHashMap<>();
    final Map<String, Instant> writtenAt = new ConcurrentHashMap<>();
    /** Keys written one by one, in order. */
    final List<String> singleWrites = new CopyOnWriteArrayList<>();
    /** How many bulk writes there were. */
    final AtomicInteger bulkWrites = new AtomicInteger();
    /** When set, the next write of a value with this prefix dies instead, as the process would in a crash. */
    volatile String crashBeforeWriting;
    private final Clock clock;

    MemoryCheckpoints() {
        this(Clock.systemUTC());
    }

    MemoryCheckpoints(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void write(String key, String value) {
        var crash = crashBeforeWriting;
        if (crash != null && value.startsWith(crash)) {
            crashBeforeWriting = null;
            throw new SimulatedCrash();
        }
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
                .filter(entry -> entry.getKey().startsWith(keyPrefix) && entry.getValue().isBefore(cutoff))
                .map(Map.Entry::getKey)
                .toList();
        old.forEach(key -> {
            values.remove(key);
            writtenAt.remove(key);
        });
        return old.size();
    }

    private void put(String key, String value) {
        values.put(key, value);
        writtenAt.put(key, clock.instant());
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
