package org.heard.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Deterministic ids: the same input always gives the same id, so a re-fetch is harmless. */
final class Ids {

    private Ids() {}

    static String derive(Channel channel, String kind, String externalId) {
        Objects.requireNonNull(channel, "channel");
        requireText(externalId, "externalId");
        var name = kind + '\u0000' + channel.wire() + '\u0000' + externalId;
        return channel.wire() + '-' + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
