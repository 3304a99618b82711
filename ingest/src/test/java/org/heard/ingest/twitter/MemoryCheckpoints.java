package org.heard.ingest.twitter;

import java.time.Clock;
import org.heard.platform.testing.InMemoryCheckpointStore;

/** The platform's in-memory checkpoints, which can also die just before a chosen write, as the process would in a crash. */
class MemoryCheckpoints extends InMemoryCheckpointStore {

    /** When set, the next write of a value with this prefix dies instead. */
    volatile String crashBeforeWriting;

    MemoryCheckpoints() {
        super();
    }

    MemoryCheckpoints(Clock clock) {
        super(clock);
    }

    @Override
    public void write(String key, String value) {
        var crash = crashBeforeWriting;
        if (crash != null && value.startsWith(crash)) {
            crashBeforeWriting = null;
            throw new SimulatedCrash();
        }
        super.write(key, value);
    }

    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }
}
