package org.heard.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Heard's topics are created on start-up. Left unset, the replication fits the cluster
 * ({@link ReplicationFit}): 3 copies with 2 in sync from three brokers up, so an acknowledged
 * mention survives the loss of a broker; 1 and 1 on a single machine.
 *
 * @param partitions how many consumers of one group can share a topic (scale-out unit)
 * @param replicationFactor null: fitted to the number of brokers
 * @param minInsyncReplicas null: fitted to the number of brokers (or 1 with an explicit replication factor below 3)
 * @param retention how long Heard's topics keep a record (all but the compacted channel status): they
 *     carry what patients wrote, which the mention index keeps for the desk; Kafka only needs it
 *     until every stage has it and for a rebuild of the index within this time
 */
@ConfigurationProperties("heard.kafka.topics")
record KafkaTopicSettings(
        @DefaultValue("3") int partitions,
        Short replicationFactor,
        Integer minInsyncReplicas,
        @DefaultValue("30d") Duration retention) {

    KafkaTopicSettings {
        if (retention == null || retention.isNegative() || retention.toHours() < 1) {
            throw new IllegalArgumentException("heard.kafka.topics.retention must be at least an hour, e.g. 30d");
        }
        if (partitions < 1
                || replicationFactor != null && replicationFactor < 1
                || minInsyncReplicas != null
                        && (minInsyncReplicas < 1
                                || replicationFactor != null && minInsyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException(
                    "heard.kafka.topics: need partitions >= 1 and 1 <= min-insync-replicas <= replication-factor");
        }
    }

    /** The replication to create topics with, on a cluster of this many brokers. */
    ReplicationFit replicationFor(int brokers) {
        var fit = ReplicationFit.forBrokers(brokers);
        short factor = replicationFactor != null ? replicationFactor : fit.replicationFactor();
        int inSync =
                minInsyncReplicas != null ? minInsyncReplicas : Math.min(fit.minInsyncReplicas(), factor >= 3 ? 2 : 1);
        return new ReplicationFit(factor, inSync);
    }
}
