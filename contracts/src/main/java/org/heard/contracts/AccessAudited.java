package org.heard.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone looked at or acted on patients' mentions: one entry of the audit trail. The desk puts it
 * on Kafka before the access goes ahead, and keeps it in its audit index from there, so a crash
 * between the two loses nothing and a retried write stays one entry (by {@code id}).
 *
 * @param action what was done, e.g. {@code conversation-opened}, {@code api-streamed}, {@code csv-exported}
 * @param mentionId null when the access touched many (they are listed in {@code detail})
 * @param detail ids, a status, a field name; never patient text
 * @param instance the desk instance that served it
 */
public record AccessAudited(
        String id,
        String actor,
        String action,
        String mentionId,
        String conversationId,
        String detail,
        Instant at,
        String instance) {

    public AccessAudited {
        Ids.requireText(id, "id");
        Ids.requireText(actor, "actor");
        Ids.requireText(action, "action");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
