package org.heard.platform.checkpoint;

import java.util.Optional;

/**
 * Durable positions of the connectors (an X since_id, a story-site paging cursor, a mailbox UID),
 * so a restart neither misses nor repeats. Keys are namespaced by the caller, e.g.
 * {@code twitter:@StMaryTrust:mentions}. A write returns only when the value is durable.
 */
public interface CheckpointStore {

    Optional<String> read(String key);

    void write(String key, String value);
}
