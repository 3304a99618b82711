package org.heard.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Input that could not be taken in, kept whole with the reason so an admin can see it, fix the
 * cause and retry. Never silently dropped.
 *
 * @param source where it came from, e.g. {@code email:feedback@trust.nhs.uk} or {@code triage}
 * @param reason what was wrong, for a person to read
 * @param payload the raw input; {@code payloadEncoding} says how it is written ("utf-8" or "base64")
 * @param context what else helps to find it again (message number, offset, external id...)
 */
public record DeadLettered(
        String id,
        String source,
        String reason,
        String payloadEncoding,
        String payload,
        Map<String, String> context,
        Instant deadLetteredAt) {

    public DeadLettered {
        Ids.requireText(id, "id");
        Ids.requireText(source, "source");
        Ids.requireText(reason, "reason");
        payloadEncoding = payloadEncoding == null ? "utf-8" : payloadEncoding;
        payload = payload == null ? "" : payload;
        context = context == null ? Map.of() : Map.copyOf(context);
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }
}
