package org.heard.desk.channels;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heard.desk.channels}: what the Channels page warns about.
 *
 * @param silentAfter an account with no report for this long shows "no report from ingest since …"
 *     (three heartbeats of {@code heard.channel.status.heartbeat} by default)
 * @param tokenWarning a token expiring within this time is warned about
 */
@ConfigurationProperties("heard.desk.channels")
record ChannelsPageSettings(
        @DefaultValue("90s") Duration silentAfter,
        @DefaultValue("14d") Duration tokenWarning) {

    ChannelsPageSettings {
        if (silentAfter == null || !silentAfter.isPositive()) {
            throw new IllegalArgumentException("heard.desk.channels.silent-after must be positive, was " + silentAfter);
        }
        if (tokenWarning == null || tokenWarning.isNegative()) {
            throw new IllegalArgumentException(
                    "heard.desk.channels.token-warning must not be negative, was " + tokenWarning);
        }
    }
}
