package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Input that could not be taken in, kept whole with the reason so an admin can see it, fix the
 * cause and retry. Never silently dropped.
 *
 * @param source where it came from, e.g. {@code email:feedback@trust.nhs.uk} or {@code triage}
 * @param reason what was wrong, for a person to read
 * @param payload the raw input; {@code payloadEncoding} says how it is written ({@value #TEXT} or {@value #BASE64}).
 *     Build one with {@link #ofText} or {@link #ofBytes} rather than naming the encoding by hand
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

    /** The payload is the text itself. */
    public static final String TEXT = "utf-8";

    /** The payload is raw bytes, written in base64. */
    public static final String BASE64 = "base64";

    public DeadLettered {
        Ids.requireText(id, "id");
        Ids.requireText(source, "source");
        Ids.requireText(reason, "reason");
        payloadEncoding = payloadEncoding == null ? "utf-8" : payloadEncoding;
        payload = payload == null ? "" : payload;
        context = context == null ? Map.of() : Map.copyOf(context);
        Objects.requireNonNull(deadLetteredAt, "deadLetteredAt");
    }

    /** A dead letter whose raw input is text (JSON, a tweet's body): kept as it is. */
    public static DeadLettered ofText(
            String id, String source, String reason, String text, Map<String, String> context, Instant deadLetteredAt) {
        return new DeadLettered(id, source, reason, TEXT, text, context, deadLetteredAt);
    }

    /** A dead letter whose raw input is bytes (an email, a Kafka record's value; null is kept as empty). */
    public static DeadLettered ofBytes(
            String id, String source, String reason, byte[] raw, Map<String, String> context, Instant deadLetteredAt) {
        return new DeadLettered(
                id,
                source,
                reason,
                BASE64,
                raw == null ? "" : Base64.getEncoder().encodeToString(raw),
                context,
                deadLetteredAt);
    }

    /** The raw input as bytes, whichever way it was written. */
    @JsonIgnore
    public byte[] payloadBytes() {
        return BASE64.equals(payloadEncoding)
                ? Base64.getMimeDecoder().decode(payload)
                : payload.getBytes(StandardCharsets.UTF_8);
    }
}
