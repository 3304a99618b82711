package org.heard.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * An admin asked for an indexed mention to be tagged again (after a model or catalogue change).
 * Triage replaces only the machine's tags; what staff did and the tags they corrected stay.
 *
 * @param jobId the re-triage job this belongs to, so its progress can be counted
 */
public record RetriageRequested(String jobId, MentionId mentionId, Instant requestedAt) {

    public RetriageRequested {
        Ids.requireText(jobId, "jobId");
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
