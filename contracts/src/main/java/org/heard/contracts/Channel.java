package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Where a patient spoke to us, and so where the reply must go. */
public enum Channel {
    EMAIL("email", true),
    TWITTER("twitter", true),
    STORY("story", true),
    /** Feedback given in person and logged by staff. */
    WALK_IN("walk-in", false),
    PHONE("phone", false),
    LETTER("letter", false);

    private final String wire;
    private final boolean online;

    Channel(String wire, boolean online) {
        this.wire = wire;
        this.online = online;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    /** Online channels are fetched by a connector; the others are logged by staff. */
    public boolean online() {
        return online;
    }

    @JsonCreator
    public static Channel fromWire(String value) {
        return Arrays.stream(values())
                .filter(channel -> channel.wire.equalsIgnoreCase(value) || channel.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown channel: " + value));
    }
}
