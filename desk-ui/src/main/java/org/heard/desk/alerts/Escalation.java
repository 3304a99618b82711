package org.heard.desk.alerts;

import java.time.Instant;
import java.util.List;
import org.heard.contracts.WireEnum;

/**
 * An immediate mention being watched until someone opens it.
 *
 * @param rota the usernames to tell, in order
 * @param step the position in the rota of the next person to tell
 * @param told who has been told so far, in order
 */
public record Escalation(
        String mentionId,
        String conversationId,
        List<String> services,
        List<String> rota,
        Instant raisedAt,
        Instant nextAt,
        int step,
        List<String> told,
        State state,
        Instant updatedAt) {

    public Escalation {
        services = services == null ? List.of() : List.copyOf(services);
        rota = rota == null ? List.of() : List.copyOf(rota);
        told = told == null ? List.of() : List.copyOf(told);
    }

    Escalation opened(Instant now) {
        return new Escalation(mentionId, conversationId, services, rota, raisedAt, null, step, told, State.OPENED, now);
    }

    Escalation exhausted(Instant now) {
        return new Escalation(
                mentionId, conversationId, services, rota, raisedAt, null, rota.size(), told, State.EXHAUSTED, now);
    }

    Escalation toldNext(int position, String username, Instant next, Instant now) {
        var list = new java.util.ArrayList<>(told);
        list.add(username);
        return new Escalation(
                mentionId, conversationId, services, rota, raisedAt, next, position + 1, list, State.WATCHING, now);
    }

    public enum State implements WireEnum {
        /** Not opened yet: the next person is told at {@code nextAt}. */
        WATCHING,
        OPENED,
        /** Everyone on the rota was told (or in quiet hours) and nobody opened it. */
        EXHAUSTED;

        public static State fromWire(String value) {
            return WireEnum.parse(State.class, value);
        }
    }
}
