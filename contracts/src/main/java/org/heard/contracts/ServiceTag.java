package org.heard.contracts;

import java.util.List;

/**
 * A service of the catalogue that a mention concerns, how sure triage is, why, and which signal
 * gave it ({@code null} for tags written before triage said so).
 */
public record ServiceTag(String serviceId, double confidence, List<String> evidence, Signal signal) {

    public ServiceTag {
        Ids.requireText(serviceId, "serviceId");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public ServiceTag(String serviceId, double confidence, List<String> evidence) {
        this(serviceId, confidence, evidence, null);
    }

    /** Where a service tag came from, explicit signals first. */
    public enum Signal implements WireEnum {
        /** The channel said so: the mailbox, account or story site's service code. */
        HINT,
        /** A catalogue term or code appears in the text. */
        TERM,
        /** A classifier trained on labelled feedback recognised the service type. */
        LEARNED,
        /** The text reads like the catalogue entry's name, terms and description. */
        SIMILARITY;

        public static Signal fromWire(String value) {
            return WireEnum.parse(Signal.class, value);
        }
    }
}
