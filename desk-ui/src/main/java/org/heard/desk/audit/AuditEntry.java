package org.heard.desk.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One access to or action on personal data.
 *
 * @param mentionId null for a search, which touches many (listed in {@code detail})
 * @param detail no patient text: ids, a status, a field name
 * @param instance the desk instance (host) that served it
 */
public record AuditEntry(
        String id,
        String actor,
        AuditAction action,
        String mentionId,
        String conversationId,
        String detail,
        Instant at,
        String instance) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
    }
}
