package org.heard.platform.kafka;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicSettings.class)
class KafkaConfiguration {

    /** Created on start-up by Spring's KafkaAdmin; existing topics are left as they are. */
    @Bean
    KafkaAdmin.NewTopics heardTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(topics(settings).toArray(NewTopic[]::new));
    }

    static java.util.List<NewTopic> topics(KafkaTopicSettings settings) {
        return Topics.all().stream()
                .map(topic -> new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor())
                        .configs(Topics.compacted().contains(topic)
                                // Only the latest record per key matters (a channel account's state).
                                ? Map.of(
                                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()),
                                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                : Map.of(
                                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()),
                                        // Mentions, replies and dead letters are the record of what patients said
                                        // and what we answered: keep them; retention is a governance decision.
                                        TopicConfig.RETENTION_MS_CONFIG, "-1")))
                .toList();
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template) {
        return new KafkaEventPublisher(template);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaAdmin admin) {
        return Admin.create(admin.getConfigurationProperties());
    }

    @Bean("kafka")
    HealthIndicator kafkaHealth(Admin kafkaHealthAdmin) {
        return () -> {
            try {
                var cluster = kafkaHealthAdmin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                var nodes = cluster.nodes().get(3, TimeUnit.SECONDS);
                return Health.up()
                        .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                        .withDetail("brokers", nodes.size())
                        .build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        };
    }

}
