package org.heard.desk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.heard.contracts.WireEnum;

/**
 * One message to one recipient on one route, and what became of it. The id says what it is for
 * (the alert, the route, the person), so a second instance trying to create it finds it there.
 *
 * @param recipient a username, or {@code webhook}
 * @param address the email address, or the webhook's URL
 * @param body plain text for email, the JSON document for the webhook; never patient text
 */
public record AlertDelivery(
        String id,
        String alertId,
        Kind kind,
        Route route,
        String recipient,
        String address,
        String mentionId,
        String conversationId,
        List<String> services,
        String subject,
        String body,
        State state,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant updatedAt) {

    public AlertDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(state, "state");
        services = services == null ? List.of() : List.copyOf(services);
        lastError = lastError == null ? "" : lastError;
    }

    static AlertDelivery pending(
            String alertId,
            Kind kind,
            Route route,
            String recipient,
            String address,
            String mentionId,
            String conversationId,
            List<String> services,
            String subject,
            String body,
            Instant now) {
        String id = alertId + ":" + route.wire() + ":" + recipient;
        return new AlertDelivery(
                id,
                alertId,
                kind,
                route,
                recipient,
                address,
                mentionId,
                conversationId,
                services,
                subject,
                body,
                State.PENDING,
                0,
                "",
                now,
                now,
                now);
    }

    AlertDelivery delivered(Instant now) {
        return new AlertDelivery(
                id,
                alertId,
                kind,
                route,
                recipient,
                address,
                mentionId,
                conversationId,
                services,
                subject,
                body,
                State.DELIVERED,
                attempts + 1,
                "",
                createdAt,
                null,
                now);
    }

    AlertDelivery retryAt(Instant next, String reason, Instant now) {
        return new AlertDelivery(
                id,
                alertId,
                kind,
                route,
                recipient,
                address,
                mentionId,
                conversationId,
                services,
                subject,
                body,
                State.PENDING,
                attempts + 1,
                reason,
                createdAt,
                next,
                now);
    }

    AlertDelivery failed(String reason, Instant now) {
        return new AlertDelivery(
                id,
                alertId,
                kind,
                route,
                recipient,
                address,
                mentionId,
                conversationId,
                services,
                subject,
                body,
                State.FAILED,
                attempts + 1,
                reason,
                createdAt,
                null,
                now);
    }

    /** Taken by one instance for a while, so no other retries it at the same time. */
    AlertDelivery leasedUntil(Instant until, Instant now) {
        return new AlertDelivery(
                id,
                alertId,
                kind,
                route,
                recipient,
                address,
                mentionId,
                conversationId,
                services,
                subject,
                body,
                state,
                attempts,
                lastError,
                createdAt,
                until,
                now);
    }

    public enum Kind implements WireEnum {
        IMMEDIATE,
        ESCALATION,
        DIGEST;

        public static Kind fromWire(String value) {
            return WireEnum.parse(Kind.class, value);
        }
    }

    public enum Route implements WireEnum {
        EMAIL,
        WEBHOOK;

        public static Route fromWire(String value) {
            return WireEnum.parse(Route.class, value);
        }
    }

    public enum State implements WireEnum {
        PENDING,
        DELIVERED,
        FAILED;

        public static State fromWire(String value) {
            return WireEnum.parse(State.class, value);
        }
    }
}
