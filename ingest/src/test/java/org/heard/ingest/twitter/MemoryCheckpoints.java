package org.heard.ingest.twitter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.platform.checkpoint.CheckpointStore;

/** Checkpoints in memory; "durable" for as long as the test keeps the instance, across restarts of the code under test. */
class MemoryCheckpoints implements CheckpointStore {

    final Map<String, String> values = new ConcurrentHashMap<>();
    /** When set, the next write of a value with this prefix dies instead, as the process would in a crash. */
    volatile String crashBeforeWriting;

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
        values.put(key, value);
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
