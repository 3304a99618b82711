package org.heard.desk.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Map;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

    @Bean(initMethod = "ensureExists")
    AuditLog auditLog(ElasticsearchClient client) {
        return new AuditLog(client);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    AuditTrail auditTrail(AuditLog auditLog, AuditSettings settings, Clock clock, ActivityLog activity) {
        var trail = new AuditTrail(auditLog, clock, instanceName(settings), settings.buffer());
        activity.onRecorded(entry -> {
            var action = ACTIONS.get(entry.kind());
            if (action != null) {
                trail.record(entry.actor(), action, entry.mentionId(), entry.conversationId(), detail(entry));
            }
        });
        return trail;
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    AuditRetention auditRetention(AuditLog auditLog, AuditSettings settings, Clock clock) {
        return new AuditRetention(auditLog, settings.retention(), clock);
    }

    /** DOWN while entries cannot be stored: accesses are happening that the trail does not show yet. */
    @Bean
    HealthIndicator auditHealthIndicator(AuditTrail trail) {
        return () -> {
            var state = trail.state();
            var health = state.failing() ? Health.down() : Health.up();
            health.withDetail("waiting", state.waiting()).withDetail("dropped", state.dropped());
            if (state.failing() && state.lastError() != null) {
                health.withDetail("lastError", state.lastError());
            }
            return health.build();
        };
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
