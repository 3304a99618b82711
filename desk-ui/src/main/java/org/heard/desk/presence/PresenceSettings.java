package org.heard.desk.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How desk instances keep each other's presence.
 *
 * @param heartbeat how often an instance repeats that its visits are still open
 * @param timeout how long a visit on another instance is believed without a beat (its instance died)
 */
@ConfigurationProperties("heard.desk.presence")
record PresenceSettings(
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("30s") Duration timeout) {

    PresenceSettings {
        if (heartbeat == null
                || heartbeat.toMillis() < 100
                || timeout == null
                || timeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "heard.desk.presence: heartbeat must be at least 100ms and timeout at least twice the heartbeat (one lost beat is not a death)");
        }
    }
}
