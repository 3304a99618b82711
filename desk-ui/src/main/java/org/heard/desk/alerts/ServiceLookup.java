package org.heard.desk.alerts;

import java.util.Optional;

/** What alerts need of the service catalogue: a name people know, and the service above. */
interface ServiceLookup {

    String nameOf(String serviceId);

    Optional<String> parentOf(String serviceId);

    /** Services known only by their ids, with no tree (tests, an empty catalogue). */
    static ServiceLookup idsOnly() {
        return new ServiceLookup() {
            @Override
            public String nameOf(String serviceId) {
                return serviceId;
            }

            @Override
            public Optional<String> parentOf(String serviceId) {
                return Optional.empty();
            }
        };
    }
}
