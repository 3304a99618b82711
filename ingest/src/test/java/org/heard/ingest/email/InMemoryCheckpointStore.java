package org.heard.ingest.email;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.platform.checkpoint.CheckpointStore;

/** A checkpoint store that lives as long as the test: "durable" across the restarts a test simulates. */
final class InMemoryCheckpointStore implements CheckpointStore {

    final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void write(String key, String value) {
        values.put(key, value);
    }
}
