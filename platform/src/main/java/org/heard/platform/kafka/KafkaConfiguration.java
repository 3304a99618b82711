package org.heard.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KafkaTopicSettings.class, KafkaLogin.class})
class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    /**
     * Created on start-up by Spring's KafkaAdmin; existing topics are left as they are. The
     * replication fits the cluster's size unless it is configured.
     */
    @Bean
    KafkaAdmin.NewTopics heardTopics(KafkaTopicSettings settings, KafkaAdmin kafkaAdmin) {
        var fit = settings.replicationFor(brokers(settings, kafkaAdmin));
        log.info(
                "Heard's topics, where missing, are created with {} partitions, replication factor {}, min.insync.replicas {},"
                        + " retention {}",
                settings.partitions(),
                fit.replicationFactor(),
                fit.minInsyncReplicas(),
                settings.retention());
        return new KafkaAdmin.NewTopics(
                topics(settings.partitions(), fit, settings.retention()).toArray(NewTopic[]::new));
    }

    static java.util.List<NewTopic> topics(int partitions, ReplicationFit fit, Duration retention) {
        var inSync = Integer.toString(fit.minInsyncReplicas());
        return Topics.all().stream()
                .map(topic -> new NewTopic(topic.name(), partitions, fit.replicationFactor())
                        .configs(
                                Topics.compacted().contains(topic)
                                        // Only the latest record per key matters (a channel account's state).
                                        ? Map.of(
                                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                                inSync,
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)
                                        : Map.of(
                                                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                                                inSync,
                                                // What patients wrote, for as long as the stages need it
                                                // (docs/admin.md, erasure).
                                                TopicConfig.RETENTION_MS_CONFIG,
                                                Long.toString(retention.toMillis()))))
                .toList();
    }

    /** Topics made before (with another retention, or none) keep records for the configured time from now on. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> heardTopicsRetention(
            KafkaTopicSettings settings, KafkaAdmin kafkaAdmin) {
        return ready -> {
            var names = Topics.all().stream()
                    .filter(topic -> !Topics.compacted().contains(topic))
                    .map(topic -> topic.name())
                    .toList();
            try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
                TopicRetention.align(admin, names, settings.retention());
            }
        };
    }

    /** How many brokers the cluster has; asked only when the replication is not configured. */
    private static int brokers(KafkaTopicSettings settings, KafkaAdmin kafkaAdmin) {
        if (settings.replicationFactor() != null && settings.minInsyncReplicas() != null) {
            return 1;
        }
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            return admin.describeCluster().nodes().get(60, TimeUnit.SECONDS).size();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "Cannot ask Kafka how many brokers it has, to fit the topics' replication"
                            + " (or set heard.kafka.topics.replication-factor and min-insync-replicas): "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Mentions are text, and an email's can be long: compressed on the producer (LZ4, unless
     * {@code spring.kafka.producer.compression-type} says otherwise) they cost a fraction on the wire
     * and in the broker's log, and a long one stays under the broker's record size.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer heardProducerCompression() {
        return factory -> {
            if (!factory.getConfigurationProperties().containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
                factory.updateConfigs(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
            }
        };
    }

    /**
     * With {@code heard.kafka.login}, every Kafka client Spring makes (producers, consumers, the admin,
     * and those modules build from their configuration) signs in: the SASL settings join
     * {@code spring.kafka.properties}, which all of them read.
     */
    @Bean
    static BeanPostProcessor kafkaLogin(ObjectProvider<KafkaLogin> login) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties properties) {
                    var account = login.getObject();
                    if (account.given()) {
                        properties
                                .getProperties()
                                .putAll(account.clientProperties(
                                        properties.getSecurity().getProtocol()));
                    }
                }
                return bean;
            }
        };
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
