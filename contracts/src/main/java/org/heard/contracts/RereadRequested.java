package org.heard.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An admin asked the stage that dead-lettered some input to read it again (the desk's Retry), after
 * the cause was fixed. The channel that owns the source takes it, on whichever instance runs it: it
 * publishes what the input now reads as, or dead-letters it again under {@code deadLetterId}, which
 * the desk keeps as the next attempt of the same letter.
 *
 * @param deadLetterId the id the stage first gave the dead letter
 * @param source the dead letter's source, e.g. {@code email:feedback@trust.nhs.uk}: it says which channel reads it
 * @param payloadEncoding how {@code payload} is written, as in {@link DeadLettered}
 * @param context the dead letter's context (where the input came from)
 */
public record RereadRequested(
        String deadLetterId,
        String source,
        String payloadEncoding,
        String payload,
        Map<String, String> context,
        String requestedBy,
        Instant requestedAt) {

    public RereadRequested {
        Ids.requireText(deadLetterId, "deadLetterId");
        Ids.requireText(source, "source");
        Ids.requireText(requestedBy, "requestedBy");
        payloadEncoding = payloadEncoding == null ? DeadLettered.TEXT : payloadEncoding;
        payload = payload == null ? "" : payload;
        context = context == null ? Map.of() : Map.copyOf(context);
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    /** A request to read this dead letter again. */
    public static RereadRequested of(DeadLettered letter, String requestedBy, Instant at) {
        return new RereadRequested(
                letter.id(),
                letter.source(),
                letter.payloadEncoding(),
                letter.payload(),
                letter.context(),
                requestedBy,
                at);
    }

    /** The input whose reading is asked for, as a dead letter again (its bytes, its context). */
    public DeadLettered asDeadLetter(String reason, Instant at) {
        return new DeadLettered(deadLetterId, source, reason, payloadEncoding, payload, context, at);
    }
}
