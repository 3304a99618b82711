package org.heard.platform.embedded;

import kafka.server.FaultHandlerFactory;
import org.apache.kafka.server.fault.FaultHandler;
import org.apache.kafka.server.fault.FaultHandlerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the in-process broker reacts to faults. Kafka's own server halts the JVM on a fatal fault, which
 * here would take Heard down with it (and would kill a test run when a port is busy at start-up).
 * Instead a fatal fault is logged and the broker alone is stopped, so clients fail visibly while the
 * application stays up to report it.
 */
final class BrokerFaults implements FaultHandlerFactory {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private volatile Runnable stopBroker = () -> {};

    /** What to do after a fatal fault once the broker runs; during start-up the failure is thrown instead. */
    void onFatalFault(Runnable stopBroker) {
        this.stopBroker = stopBroker;
    }

    @Override
    public FaultHandler build(String name, boolean fatal, Runnable action) {
        return (failureMessage, cause) -> {
            if (fatal) {
                log.error("Embedded Kafka had a fatal {} fault: {}; stopping the broker", name, failureMessage, cause);
            } else {
                log.error("Embedded Kafka had a {} fault: {}", name, failureMessage, cause);
            }
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("Embedded Kafka could not run the {} fault action", name, e);
            }
            if (fatal) {
                stopBroker.run();
            }
            return new FaultHandlerException(failureMessage, cause);
        };
    }
}
