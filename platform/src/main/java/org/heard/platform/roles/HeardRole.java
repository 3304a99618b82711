package org.heard.platform.roles;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/** The parts of Heard an instance can run; one jar, several roles. */
public enum HeardRole {
    /** Channel connectors: mentions in, replies out. */
    INGEST,
    /** NLP tagging and indexing. */
    TRIAGE,
    /** The Vaadin desk and the JSON API. */
    DESK;

    public static final String PROPERTY = "heard.roles";

    /** The roles this instance plays: {@code heard.roles}, or all of them when unset. */
    public static Set<HeardRole> enabledIn(Environment environment) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return EnumSet.allOf(HeardRole.class);
        }
        return Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(role -> !role.isEmpty())
                .map(role -> {
                    try {
                        return HeardRole.valueOf(role.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(
                                PROPERTY + " has an unknown role '" + role + "'; known roles are ingest, triage, desk",
                                e);
                    }
                })
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HeardRole.class)));
    }
}
