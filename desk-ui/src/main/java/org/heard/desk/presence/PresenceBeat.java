package org.heard.desk.presence;

import java.time.Instant;
import org.heard.contracts.Topic;

/**
 * One visit's state as a desk instance announces it to the others: on every change and again every
 * heartbeat while the tab is open. A visit whose beats stop (its instance died) expires elsewhere.
 *
 * @param instance the desk instance the visit is on; each instance ignores its own beats
 * @param at when the sending instance last saw the visit in this state
 */
record PresenceBeat(
        String instance,
        String visitId,
        String mentionId,
        String username,
        String displayName,
        State state,
        Instant at) {

    /**
     * Desk instance to desk instance only, keyed by mention so a visit's beats stay in order. Short
     * retention: a beat older than the presence timeout means nothing.
     */
    static final Topic<PresenceBeat> TOPIC =
            new Topic<>("heard.presence.v1", PresenceBeat.class, PresenceBeat::mentionId);

    enum State {
        VIEWING,
        DRAFTING,
        LEFT
    }
}
