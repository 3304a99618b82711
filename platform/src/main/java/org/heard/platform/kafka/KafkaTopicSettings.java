package org.heard.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Heard's topics are created on start-up. A single machine needs one replica; a production
 * cluster sets {@code replication-factor: 3} and {@code min-insync-replicas: 2} so an acknowledged
 * mention survives the loss of a broker.
 *
 * @param partitions how many consumers of one group can share a topic (scale-out unit)
 */
@ConfigurationProperties("heard.kafka.topics")
record KafkaTopicSettings(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("1") int minInsyncReplicas) {

    KafkaTopicSettings {
        if (partitions < 1 || replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("heard.kafka.topics: need partitions >= 1 and 1 <= min-insync-replicas <= replication-factor");
        }
    }
}
