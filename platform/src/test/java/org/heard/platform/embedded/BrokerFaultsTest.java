package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.junit.jupiter.api.Test;

class BrokerFaultsTest {

    private final BrokerFaults faults = new BrokerFaults();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicInteger actions = new AtomicInteger();

    @Test
    void stopsTheBrokerInsteadOfHaltingTheJvmOnAFatalFault() {
        faults.onFatalFault(stops::incrementAndGet);
        IllegalStateException cause = new IllegalStateException("metadata log is corrupt");

        RuntimeException returned = faults.build("raft manager", true, actions::incrementAndGet)
                .handleFault("cannot read the metadata log", cause);

        assertThat(returned).isInstanceOf(FaultHandlerException.class).hasCause(cause);
        assertThat(actions).hasValue(1);
        assertThat(stops).hasValue(1);
    }

    @Test
    void keepsTheBrokerRunningOnAFaultThatIsNotFatal() {
        faults.onFatalFault(stops::incrementAndGet);

        faults.build("metadata publishing", false, actions::incrementAndGet).handleFault("cannot publish");

        assertThat(actions).hasValue(1);
        assertThat(stops).hasValue(0);
    }

    @Test
    void stillStopsWhenTheFaultActionFails() {
        faults.onFatalFault(stops::incrementAndGet);

        faults.build("quorum controller", true, () -> {
                    throw new IllegalStateException("metrics already closed");
                })
                .handleFault("controller failed");

        assertThat(stops).hasValue(1);
    }
}
