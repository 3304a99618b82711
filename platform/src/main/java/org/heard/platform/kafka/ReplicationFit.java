package org.heard.platform.kafka;

import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How many copies a topic keeps and how many must have a record before it counts as written,
 * fitted to the cluster: three copies with two in sync where there are three brokers or more
 * (one broker may fail without losing or refusing an acknowledged record), one otherwise.
 */
public record ReplicationFit(short replicationFactor, int minInsyncReplicas) {

    public ReplicationFit {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("need 1 <= min-insync-replicas <= replication-factor");
        }
    }

    public static ReplicationFit forBrokers(int brokers) {
        return brokers >= 3 ? new ReplicationFit((short) 3, 2) : new ReplicationFit((short) 1, 1);
    }

    /** The topic-level settings that go with it. */
    public Map<String, String> topicConfigs() {
        return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsyncReplicas));
    }
}
