package org.heard.desk.audit;

import java.time.Instant;

/**
 * A search of the audit log; each part optional (null or blank = any).
 *
 * @param from inclusive
 * @param before exclusive
 */
public record AuditQuery(String actor, String mentionId, Instant from, Instant before) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null);
    }
}
