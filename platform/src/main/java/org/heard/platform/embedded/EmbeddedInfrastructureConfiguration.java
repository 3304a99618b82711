package org.heard.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.heard.platform.search.ElasticsearchEndpoint;
import org.heard.platform.search.ExternalElasticsearchConfigured;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts Heard's own Kafka and Elasticsearch when none is configured. Elasticsearch is launched
 * first because it takes longest; the broker starts while the node boots.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedSettings.class)
class EmbeddedInfrastructureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructureConfiguration.class);

    private final Path dataDir;

    EmbeddedInfrastructureConfiguration(@Value("${heard.data-dir:data}") Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedElasticsearchWanted.class)
    EmbeddedElasticsearch embeddedElasticsearch(EmbeddedSettings settings) {
        var es = settings.elasticsearch();
        var distribution = es.distributionDir() != null ? es.distributionDir() : dataDir.resolve("elasticsearch-dist");
        log.info(
                "No spring.elasticsearch.uris configured: starting the embedded Elasticsearch node (data in {})",
                dataDir.resolve("elasticsearch"));
        return EmbeddedElasticsearch.launch(new EmbeddedElasticsearch.Settings(
                dataDir.resolve("elasticsearch"),
                distribution,
                es.host(),
                es.port(),
                es.heap(),
                es.startTimeout(),
                es.runAsUser()));
    }

    @Bean
    @Conditional(EmbeddedElasticsearchWanted.class)
    ElasticsearchEndpoint embeddedElasticsearchEndpoint(EmbeddedElasticsearch node) {
        node.awaitReady();
        return new ElasticsearchEndpoint(List.of(node.uri()), node.username(), node.password());
    }

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedKafkaWanted.class)
    EmbeddedKafka embeddedKafka(EmbeddedSettings settings, ObjectProvider<EmbeddedElasticsearch> elasticsearch) {
        elasticsearch.ifAvailable(node -> {}); // launch the slow node first; it boots while the broker starts
        var kafka = settings.kafka();
        Path home = dataDir.resolve("kafka");
        privateDirectory(home);
        log.info("No spring.kafka.bootstrap-servers configured: starting the embedded Kafka broker (data in {})", home);
        NodeCredentials account;
        try {
            account = NodeCredentials.loadOrCreate(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the embedded Kafka broker's login in " + home, e);
        }
        return EmbeddedKafka.start(new EmbeddedKafka.Settings(
                home,
                kafka.host(),
                kafka.port(),
                kafka.controllerPort(),
                Map.of(),
                new EmbeddedKafka.Login(account.username(), account.password()),
                kafka.allowRemoteClients()));
    }

    @Bean
    @Conditional(EmbeddedKafkaWanted.class)
    KafkaConnectionDetails embeddedKafkaConnection(EmbeddedKafka broker) {
        return new KafkaConnectionDetails() {
            @Override
            public List<String> getBootstrapServers() {
                return List.of(broker.bootstrapServers());
            }

            @Override
            public String getSecurityProtocol() {
                return broker.clientProperties().get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
            }
        };
    }

    /**
     * Every Kafka client Spring makes (producers, consumers, the admin, and those modules build from
     * their configuration) signs in to the embedded broker: its SASL settings join
     * {@code spring.kafka.properties}, which all of them read.
     */
    @Bean
    @Conditional(EmbeddedKafkaWanted.class)
    static BeanPostProcessor embeddedKafkaLogin(ObjectProvider<EmbeddedKafka> broker) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties properties) {
                    properties.getProperties().putAll(broker.getObject().clientProperties());
                }
                return bean;
            }
        };
    }

    /**
     * The broker's logs hold what patients wrote: readable by Heard's user only. The data directory
     * above it stays enterable (not listable) by others, so the Elasticsearch user can reach its own.
     */
    private static void privateDirectory(Path directory) {
        try {
            if (!Files.exists(dataDirOf(directory))) {
                Files.createDirectories(dataDirOf(directory));
                Files.setPosixFilePermissions(dataDirOf(directory), PosixFilePermissions.fromString("rwx--x--x"));
            }
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other non-POSIX file systems: permissions are the operator's business.
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    private static Path dataDirOf(Path directory) {
        return directory.getParent();
    }

    static final class EmbeddedKafkaWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !environment.containsProperty("spring.kafka.bootstrap-servers")
                    && !environment.containsProperty("spring.kafka.bootstrap-servers[0]")
                    && environment.getProperty("heard.embedded.kafka.enabled", Boolean.class, true);
        }
    }

    static final class EmbeddedElasticsearchWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var environment = context.getEnvironment();
            return !ExternalElasticsearchConfigured.isConfigured(environment)
                    && environment.getProperty("heard.embedded.elasticsearch.enabled", Boolean.class, true);
        }
    }
}
