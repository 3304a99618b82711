package org.heard.contracts;

import java.util.List;

/** A service of the catalogue that a mention concerns, how sure triage is, and why. */
public record ServiceTag(String serviceId, double confidence, List<String> evidence) {

    public ServiceTag {
        Ids.requireText(serviceId, "serviceId");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
