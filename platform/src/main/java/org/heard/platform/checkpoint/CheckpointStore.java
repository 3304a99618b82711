package org.heard.platform.checkpoint;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Durable positions of the connectors (an X since_id, a story-site paging cursor, a mailbox UID),
 * so a restart neither misses nor repeats. Keys are namespaced by the caller, e.g.
 * {@code twitter:@StMaryTrust:mentions}. A write returns only when the value is durable.
 */
public interface CheckpointStore {

    Optional<String> read(String key);

    void write(String key, String value);

    /**
     * Writes several values; returns when all are durable. A store that can writes them in one
     * request: a connector that remembers something per item (a tweet's conversation) writes once
     * per page instead of once per item.
     */
    default void writeAll(Map<String, String> values) {
        values.forEach(this::write);
    }

    /**
     * Forgets the values under {@code keyPrefix} last written before {@code cutoff}, so memory a
     * connector keeps per item stays bounded. Returns how many were forgotten; a store that cannot
     * tell when a value was written keeps everything and returns 0.
     */
    default long forgetOlderThan(String keyPrefix, Instant cutoff) {
        return 0;
    }
}
