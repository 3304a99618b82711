package org.heard.desk.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.Topics;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.kafka.BatchListeners;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

    /** What staff do, as the activity log records it; delivery outcomes (actor "channel") are no one's access. */
    private static final Map<Activity.Kind, AuditAction> ACTIONS = Map.of(
            Activity.Kind.NOTE, AuditAction.NOTE,
            Activity.Kind.STATUS_CHANGED, AuditAction.STATUS_CHANGED,
            Activity.Kind.ASSIGNED, AuditAction.ASSIGNED,
            Activity.Kind.REPLY_REQUESTED, AuditAction.REPLY_REQUESTED,
            Activity.Kind.TAG_CORRECTED, AuditAction.TAG_CORRECTED);

    /** How long the writers may make no progress on a backlog before health says the trail is behind. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    @Bean(initMethod = "ensureExists")
    AuditLog auditLog(ElasticsearchClient client) {
        return new AuditLog(client);
    }

    @Bean
    AuditTrail auditTrail(EventPublisher publisher, AuditSettings settings, Clock clock, ActivityLog activity) {
        var trail = new AuditTrail(publisher, clock, instanceName(settings), settings.timeout());
        activity.onRecorded(entry -> {
            var action = ACTIONS.get(entry.kind());
            if (action != null) {
                try {
                    trail.record(entry.actor(), action, entry.mentionId(), entry.conversationId(), detail(entry));
                } catch (AuditUnavailable e) {
                    // Done and in the activity log (with who and when) already; health shows the trail failing.
                    log.error(
                            "{} by {} on mention {} is in the activity log but not in the audit trail",
                            action.wire(),
                            entry.actor(),
                            entry.mentionId());
                }
            }
        });
        return trail;
    }

    @Bean
    AuditWriter auditWriter(AuditLog auditLog, EventPublisher publisher, Clock clock) {
        return new AuditWriter(auditLog, publisher, clock);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> auditListenerFactory(
            ConsumerFactory<String, byte[]> consumerFactory) {
        // Elasticsearch down: keep the batch and try again; offsets move only once the index has it.
        return BatchListeners.retryingForever(consumerFactory, 1, 0);
    }

    @Bean
    AuditListener auditListener(AuditWriter writer) {
        return new AuditListener(writer);
    }

    static class AuditListener {

        private final AuditWriter writer;

        AuditListener(AuditWriter writer) {
            this.writer = writer;
        }

        @KafkaListener(
                id = AuditWriter.GROUP,
                groupId = AuditWriter.GROUP,
                topics = "#{T(org.heard.contracts.Topics).AUDIT.name()}",
                containerFactory = "auditListenerFactory",
                batch = "true")
        void onEntries(List<ConsumerRecord<String, byte[]>> records) {
            writer.take(records);
        }
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    AuditRetention auditRetention(AuditLog auditLog, AuditSettings settings, Clock clock) {
        return new AuditRetention(auditLog, settings.retention(), clock);
    }

    @Bean
    AuditBacklog auditBacklog(Admin kafkaHealthAdmin, Clock clock) {
        return new AuditBacklog(kafkaHealthAdmin, Topics.AUDIT.name(), AuditWriter.GROUP, clock, STUCK_AFTER);
    }

    /**
     * DOWN while the trail misses accesses: entries could not be recorded (the accesses were refused),
     * the index does not take them, or they wait on Kafka and the writers make no progress.
     */
    @Bean
    HealthIndicator auditHealthIndicator(AuditTrail trail, AuditWriter writer, AuditBacklog backlog, Clock clock) {
        return () -> AuditHealth.of(
                trail.state(), writer.state(), backlog, clock.instant().minus(STUCK_AFTER));
    }

    /** Ids and field names only: a note's or reply's text stays in the activity log. */
    private static String detail(Activity entry) {
        return switch (entry.kind()) {
            case STATUS_CHANGED -> "status=" + entry.detail("status");
            case ASSIGNED -> "assignee=" + entry.detail("assignee");
            case TAG_CORRECTED -> "field=" + entry.detail("field");
            case REPLY_REQUESTED -> "replyId=" + entry.detail("replyId");
            default -> "";
        };
    }

    private static String instanceName(AuditSettings settings) {
        if (settings.instance() != null && !settings.instance().isBlank()) {
            return settings.instance();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
