package org.heard.platform.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import org.heard.platform.embedded.ElasticsearchClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ExternalElasticsearchSettings.class, ElasticsearchTrust.class})
class ElasticsearchConfiguration {

    @Bean
    @Conditional(ExternalElasticsearchConfigured.class)
    ElasticsearchEndpoint externalElasticsearch(ExternalElasticsearchSettings settings) {
        return settings.endpoint();
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchEndpoint endpoint, ElasticsearchTrust trust) {
        return ElasticsearchClients.create(
                endpoint.uris(), endpoint.username(), endpoint.password(), trust.sslContext());
    }

    @Bean(initMethod = "ensureExists")
    CheckpointIndex checkpointStore(ElasticsearchClient client) {
        return new CheckpointIndex(client);
    }

    @Bean("elasticsearch")
    HealthIndicator elasticsearchHealth(ElasticsearchClient client, ElasticsearchEndpoint endpoint) {
        return () -> {
            try {
                var health = client.cluster().health(request -> request.timeout(time -> time.time("3s")));
                var builder = health.status() == HealthStatus.Red ? Health.down() : Health.up();
                return builder.withDetail("cluster", health.clusterName())
                        .withDetail("status", health.status().jsonValue())
                        .withDetail("nodes", health.numberOfNodes())
                        .withDetail("uris", endpoint.uris().toString())
                        .build();
            } catch (Exception e) {
                return Health.down(e)
                        .withDetail("uris", endpoint.uris().toString())
                        .build();
            }
        };
    }
}
