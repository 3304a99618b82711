package org.heard.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps existing topics to the configured retention: topics are created with it, but a topic made
 * earlier (before retention was set, or by hand) would otherwise keep what patients wrote for ever.
 * Where Heard may not change a topic (Kafka ACLs; topics owned by an operator), it says so and
 * leaves it.
 */
final class TopicRetention {

    private static final Logger log = LoggerFactory.getLogger(TopicRetention.class);
    private static final long TIMEOUT_SECONDS = 30;

    private TopicRetention() {}

    /** @return the topics whose retention was changed */
    static List<String> align(Admin admin, Collection<String> topics, Duration retention) {
        String wanted = Long.toString(retention.toMillis());
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        List<String> changed = new ArrayList<>();
        for (String topic : topics) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            try {
                var config = admin.describeConfigs(List.of(resource))
                        .values()
                        .get(resource)
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                var current = config.get(TopicConfig.RETENTION_MS_CONFIG);
                if (current == null || !wanted.equals(current.value())) {
                    log.info("Topic {} keeps records {}; from now on for {}", topic, describe(current), retention);
                    changes.put(
                            resource,
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, wanted),
                                    AlterConfigOp.OpType.SET)));
                    changed.add(topic);
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    cannot(topic, retention, e.getCause());
                }
            } catch (TimeoutException e) {
                cannot(topic, retention, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        var results = admin.incrementalAlterConfigs(changes).values();
        for (var result : results.entrySet()) {
            try {
                result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                changed.remove(result.getKey().name());
                cannot(result.getKey().name(), retention, e instanceof ExecutionException ? e.getCause() : e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.copyOf(changed);
    }

    private static String describe(ConfigEntry current) {
        if (current == null || current.value() == null) {
            return "as the broker's default says";
        }
        long millis = Long.parseLong(current.value());
        return millis < 0 ? "for ever" : "for " + Duration.ofMillis(millis);
    }

    private static void cannot(String topic, Duration retention, Throwable why) {
        log.warn(
                "Cannot check or set the retention of topic {} to {} ({}): set retention.ms={} where the topics are managed",
                topic,
                retention,
                why.toString(),
                retention.toMillis());
    }
}
