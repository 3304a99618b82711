package org.heard.ingest.story;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.platform.checkpoint.CheckpointStore;

/** A checkpoint store that outlives the objects under test, as the durable one outlives a restart. */
final class InMemoryCheckpointStore implements CheckpointStore {

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void write(String key, String value) {
        writes.incrementAndGet();
        values.put(key, value);
    }

    int writes() {
        return writes.get();
    }
}
