package org.heard.desk.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mention stream ({@code GET /api/mentions/stream}).
 *
 * @param heartbeat how often an idle stream sends a comment, so proxies keep it open
 * @param timeout how long one stream stays open; the client then reconnects with {@code Last-Event-ID}
 */
@ConfigurationProperties("heard.api.stream")
record ApiStreamSettings(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30m") Duration timeout) {

    ApiStreamSettings {
        if (heartbeat.isNegative() || heartbeat.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("heard.api.stream.heartbeat and timeout must be positive");
        }
    }
}
