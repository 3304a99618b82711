package org.heard.desk.presence;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(PresenceSettings.class)
class PresenceConfiguration {

    /** One partition is plenty for beats; an hour of them is kept, then deleted (not the record of anything). */
    @Bean
    KafkaAdmin.NewTopics presenceTopic() {
        return new KafkaAdmin.NewTopics(new NewTopic(PresenceBeat.TOPIC.name(), Optional.of(1), Optional.empty())
                .configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(java.time.Duration.ofHours(1).toMillis()))));
    }

    @Bean(destroyMethod = "close")
    BeatSender presenceBeatSender(EventPublisher publisher) {
        return new BeatSender(publisher);
    }

    @Bean
    Presence presence(Clock clock, BeatSender sender, PresenceSettings settings) {
        return new Presence(clock, UUID.randomUUID().toString(), settings.timeout(), sender);
    }

    @Bean(destroyMethod = "close")
    PresenceLink presenceLink(Presence presence, ConsumerFactory<?, ?> consumers, PresenceSettings settings) {
        return new PresenceLink(presence, consumers.getConfigurationProperties(), settings.heartbeat()).start();
    }
}
