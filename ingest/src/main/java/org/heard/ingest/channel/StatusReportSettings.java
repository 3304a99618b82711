package org.heard.ingest.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heard.channel.status}: how an ingest instance tells the desk about its connectors.
 *
 * @param heartbeat every account's state is sent at least this often, changed or not, so the desk
 *     can tell "no report from ingest" from "nothing new"
 * @param checkInterval how often the connectors are looked at; a change reaches the desk within this time
 * @param instance names this instance in the reports; empty: host name and process id
 */
@ConfigurationProperties("heard.channel.status")
public record StatusReportSettings(
        @DefaultValue("30s") Duration heartbeat,
        @DefaultValue("5s") Duration checkInterval,
        String instance) {

    public StatusReportSettings {
        if (heartbeat == null || !heartbeat.isPositive()) {
            throw new IllegalArgumentException("heard.channel.status.heartbeat must be positive, was " + heartbeat);
        }
        if (checkInterval == null || !checkInterval.isPositive() || checkInterval.compareTo(heartbeat) > 0) {
            throw new IllegalArgumentException(
                    "heard.channel.status.check-interval must be positive and at most the heartbeat, was "
                            + checkInterval);
        }
        if (instance == null || instance.isBlank()) {
            instance = defaultInstance();
        }
    }

    private static String defaultInstance() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "ingest";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
