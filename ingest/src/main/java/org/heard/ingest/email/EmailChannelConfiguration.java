package org.heard.ingest.email;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the email channel on instances with the ingest role. It needs an {@link EventPublisher}
 * and a {@link CheckpointStore} from the platform. With no mailbox configured it starts the
 * embedded mail server and reads its demo mailbox instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(HeardRole.INGEST)
@EnableConfigurationProperties(EmailSettings.class)
public class EmailChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailChannelConfiguration.class);

    @Bean
    EmailChannel emailChannel(
            EmailSettings settings,
            ObjectProvider<EmbeddedMailServer> embedded,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            ObjectProvider<Clock> clock,
            ObjectProvider<ChannelLeases> leases) {
        var mailboxes = settings.mailboxes();
        Map<String, AcceptedMail> accepted = Map.of();
        Map<String, MailArrivals> arrivals = Map.of();
        EmbeddedMailServer server = embedded.getIfAvailable();
        if (mailboxes.isEmpty() && server != null) {
            mailboxes = List.of(server.mailbox());
            accepted = Map.of(server.mailbox().address(), server.spool());
            arrivals = Map.of(server.mailbox().address(), server);
        }
        return new EmailChannel(
                mailboxes,
                settings.ackTimeout(),
                publisher,
                checkpoints,
                clock.getIfAvailable(Clock::systemUTC),
                leases.getIfAvailable(ChannelLeases::allOnThisInstance),
                accepted,
                arrivals);
    }

    @Bean
    EmailReplySender emailReplySender(EmailChannel channel) {
        return channel.replySender();
    }

    /**
     * One {@link ChannelConnector} bean per mailbox, so the health endpoint and the desk find each
     * mailbox's status the way they find every other channel account's.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor emailMailboxConnectors(Environment environment) {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                var settings = Binder.get(environment)
                        .bind("heard.channel.email", EmailSettings.class)
                        .orElseGet(() -> new EmailSettings(null, null, null));
                var addresses = settings.mailboxes().stream()
                        .map(EmailSettings.Mailbox::address)
                        .toList();
                if (addresses.isEmpty() && new NoMailboxConfigured().matches(environment)) {
                    addresses = List.of(settings.embedded().address());
                }
                for (String address : addresses) {
                    var definition = new RootBeanDefinition(ChannelConnector.class);
                    definition.setInstanceSupplier(() ->
                            ((BeanFactory) registry).getBean(EmailChannel.class).connector(address));
                    registry.registerBeanDefinition("emailChannelStatus[" + address + "]", definition);
                }
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
        };
    }

    // Component scanning finds this nested class on its own, so it repeats the outer role condition.
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRole(HeardRole.INGEST)
    @Conditional(NoMailboxConfigured.class)
    static class Embedded {

        @Bean(destroyMethod = "stop")
        EmbeddedMailServer embeddedMailServer(EmailSettings settings, @Value("${heard.data-dir:./data}") Path dataDir) {
            var server = new EmbeddedMailServer(settings.embedded(), dataDir);
            log.info(
                    "No mailbox configured: embedded mail server for {} on SMTP {}:{} and IMAP {}:{} (password in {})",
                    server.mailbox().address(),
                    settings.embedded().host(),
                    server.smtpPort(),
                    settings.embedded().host(),
                    server.imapPort(),
                    server.mailbox().passwordFile());
            return server;
        }
    }

    /** No {@code heard.channel.email.mailboxes} and the embedded server not switched off. */
    static class NoMailboxConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matches(context.getEnvironment());
        }

        boolean matches(Environment environment) {
            return environment.getProperty("heard.channel.email.mailboxes[0].address") == null
                    && environment.getProperty("heard.channel.email.embedded.enabled", Boolean.class, true);
        }
    }
}
