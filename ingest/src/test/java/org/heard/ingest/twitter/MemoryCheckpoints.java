package org.heard.ingest.twitter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.platform.checkpoint.CheckpointStore;

/** Checkpoints in memory; "durable" for as long as the test keeps the instance, across restarts of the code under test. */
class MemoryCheckpoints implements CheckpointStore {

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
