package org.heard.ingest.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ingest instances share the channel accounts, {@code heard.channel.leases}.
 *
 * @param mode {@code this-instance} (one ingest instance polls every account: the default, and what
 *     the embedded setup needs) or {@code kafka} (several ingest instances share the accounts through
 *     a Kafka consumer group; every instance must be configured with the same accounts)
 * @param topic the lease topic; it carries no records, its partitions are the leases
 * @param partitions how many leases the accounts are hashed onto, when the topic is created; more
 *     partitions than instances spreads the accounts evenly
 * @param group the consumer group the ingest instances join
 * @param sessionTimeout how long a silent instance keeps its accounts: a crashed instance's accounts
 *     move after about this long (the broker's group.min.session.timeout.ms, 6s by default, is the floor)
 * @param heartbeatInterval how often an instance tells the group it is alive; at most a third of the session timeout
 */
@ConfigurationProperties("heard.channel.leases")
public record ChannelLeaseSettings(
        @DefaultValue("this-instance") Mode mode,
        @DefaultValue("heard.channel-leases.v1") String topic,
        @DefaultValue("12") int partitions,
        @DefaultValue("heard-channel-leases") String group,
        @DefaultValue("6s") Duration sessionTimeout,
        @DefaultValue("1s") Duration heartbeatInterval) {

    public enum Mode {
        THIS_INSTANCE,
        KAFKA
    }

    public ChannelLeaseSettings {
        mode = mode == null ? Mode.THIS_INSTANCE : mode;
        topic = topic == null || topic.isBlank() ? "heard.channel-leases.v1" : topic;
        group = group == null || group.isBlank() ? "heard-channel-leases" : group;
        sessionTimeout = sessionTimeout == null ? Duration.ofSeconds(6) : sessionTimeout;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(1) : heartbeatInterval;
        if (partitions < 1) {
            throw new IllegalArgumentException("heard.channel.leases.partitions must be at least 1");
        }
        if (heartbeatInterval.isNegative()
                || heartbeatInterval.isZero()
                || heartbeatInterval.multipliedBy(3).compareTo(sessionTimeout) > 0) {
            throw new IllegalArgumentException(
                    "heard.channel.leases.heartbeat-interval must be positive and at most a third of session-timeout");
        }
    }
}
