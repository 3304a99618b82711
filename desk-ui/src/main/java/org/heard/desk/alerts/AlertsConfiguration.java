package org.heard.desk.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.mentions.ServiceTree;
import org.heard.desk.security.StaffSettings;
import org.heard.mentions.MentionSearch;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.catalogue.Service;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.DESK)
@EnableConfigurationProperties(AlertSettings.class)
class AlertsConfiguration {

    @Bean(initMethod = "ensureExists")
    AlertLedger alertLedger(ElasticsearchClient client) {
        return new AlertLedger(client);
    }

    // Component scanning finds this nested class on its own, so it repeats the outer role condition.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(HeardRole.DESK)
    @ConditionalOnProperty(name = "heard.alerts.enabled", havingValue = "true", matchIfMissing = true)
    static class Enabled {

        @Bean
        Alerts alerts(
                AlertSettings settings,
                StaffSettings staff,
                ServiceTree tree,
                ServiceCatalogue catalogue,
                AlertLedger ledger,
                AuditLog auditLog,
                MentionSearch index,
                ObjectProvider<JavaMailSender> mail,
                Clock clock) {
            Map<AlertDelivery.Route, AlertRoute> routes = new EnumMap<>(AlertDelivery.Route.class);
            routes.put(AlertDelivery.Route.EMAIL, new MailRoute(() -> sender(settings, mail), settings.from(), clock));
            if (settings.webhook() != null) {
                routes.put(AlertDelivery.Route.WEBHOOK, new WebhookRoute(settings.webhook()));
            }
            return new Alerts(
                    settings,
                    new Subscriptions(settings.subscribers(), staff, tree),
                    ledger,
                    routes,
                    auditLog::openedSince,
                    new DigestWriter(index, settings.deskUrl()),
                    catalogueLookup(catalogue),
                    clock);
        }

        private static ServiceLookup catalogueLookup(ServiceCatalogue catalogue) {
            return new ServiceLookup() {
                @Override
                public String nameOf(String serviceId) {
                    return catalogue.service(serviceId).map(Service::name).orElse(serviceId);
                }

                @Override
                public Optional<String> parentOf(String serviceId) {
                    return catalogue.parentOf(serviceId);
                }
            };
        }

        @Bean
        AlertIntake alertIntake(Alerts alerts, EventPublisher publisher, Clock clock) {
            return new AlertIntake(alerts, publisher, clock);
        }

        @Bean(initMethod = "start", destroyMethod = "stop")
        AlertTicker alertTicker(Alerts alerts, AlertSettings settings) {
            return new AlertTicker(alerts, settings.tick());
        }

        /** {@code heard.alerts.smtp}, else the application's mail sender ({@code spring.mail.*}); null when neither is set. */
        private static JavaMailSender sender(AlertSettings settings, ObjectProvider<JavaMailSender> mail) {
            return settings.smtp() != null ? AlertMailSender.of(settings.smtp()) : mail.getIfAvailable();
        }
    }
}
