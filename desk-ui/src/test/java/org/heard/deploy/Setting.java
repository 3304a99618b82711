package org.heard.deploy;

import java.util.Optional;

/**
 * A setting the code reads, in the reference's notation: {@code [N]} for a list index,
 * {@code <key>} for a map key, e.g. {@code heard.security.users[N].password-hash}.
 *
 * @param defaultValue the value it has when nothing is configured, as written in configuration
 */
record Setting(String name, Optional<String> defaultValue, String source) {

    boolean isMap() {
        return name.endsWith(".<key>");
    }

    /** The name with a sample index and key, as Spring's binder would look it up. */
    String sample() {
        return name.replace("[N]", "[0]").replace("<key>", "x");
    }

    /** The reference's names with any placeholder ({@code <code>}) written as {@code <key>}. */
    static String normalised(String name) {
        return name.replaceAll("<[^>]+>", "<key>");
    }
}
