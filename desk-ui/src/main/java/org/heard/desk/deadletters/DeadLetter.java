package org.heard.desk.deadletters;

import java.time.Instant;
import java.util.Map;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.WireEnum;

/**
 * A dead letter as the admin sees it: what came in, why it was refused, and what was done about it.
 *
 * @param rootId the id the stage gave it; attempts after a failed retry are {@code rootId~retry-N}
 * @param attempt 1 for the first refusal, 2 when a retry of it was refused again, ...
 * @param retryOf the dead letter whose retry this is, if any
 * @param handledBy who retried or discarded it; {@code handledAt} when
 * @param outcome what the retry or discard did, for a person to read
 */
public record DeadLetter(
        String id,
        String rootId,
        int attempt,
        String retryOf,
        String source,
        String reason,
        String payloadEncoding,
        String payload,
        Map<String, String> context,
        Instant deadLetteredAt,
        Instant shelvedAt,
        State state,
        String handledBy,
        Instant handledAt,
        String outcome) {

    public DeadLetter {
        context = context == null ? Map.of() : Map.copyOf(context);
        state = state == null ? State.PENDING : state;
    }

    static DeadLetter shelved(DeadLettered letter, String id, int attempt, String retryOf, Instant at) {
        return new DeadLetter(
                id,
                letter.id(),
                attempt,
                retryOf,
                letter.source(),
                letter.reason(),
                letter.payloadEncoding(),
                letter.payload(),
                letter.context(),
                letter.deadLetteredAt(),
                at,
                State.PENDING,
                null,
                null,
                null);
    }

    /** Its raw bytes, as the stage received them. */
    public byte[] raw() {
        return Payloads.raw(payloadEncoding, payload);
    }

    public enum State implements WireEnum {
        /** Waiting for an admin. */
        PENDING,
        /** Sent back to the stage that refused it (see the outcome). */
        RETRIED,
        /** An admin decided it needs nothing more. */
        DISCARDED;

        public static State fromWire(String value) {
            return WireEnum.parse(State.class, value);
        }
    }
}
