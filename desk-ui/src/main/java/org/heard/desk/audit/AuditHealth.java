package org.heard.desk.audit;

import java.time.Instant;
import org.springframework.boot.health.contributor.Health;

/** The {@code audit} health component: whether the trail an admin searches holds every access. */
final class AuditHealth {

    private AuditHealth() {}

    /** @param recently accesses refused after this instant still count as a failing trail */
    static Health of(AuditTrail.State recording, AuditWriter.State writing, AuditBacklog backlog, Instant recently) {
        var health = Health.up()
                .withDetail("recorded", recording.recorded())
                .withDetail("refused", recording.refused())
                .withDetail("written", writing.written());
        boolean down = false;
        if (recording.lastRefusedAt() != null && recording.lastRefusedAt().isAfter(recently)) {
            down = true;
            health.withDetail("refusedBecause", recording.lastError());
        }
        if (writing.failing()) {
            down = true;
            health.withDetail("writeError", writing.lastError());
        }
        try {
            var reading = backlog.read();
            health.withDetail("behind", reading.behind());
            if (reading.stuck()) {
                down = true;
                health.withDetail("behindSince", reading.stuckSince().toString());
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            down = true;
            health.withDetail("behind", "unknown: " + e);
        }
        return (down ? health.down() : health).build();
    }
}
