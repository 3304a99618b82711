package org.heard.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Configures the application under test as if Kafka and Elasticsearch were external clusters:
 * the shared test broker and node. Each context gets its own data directory.
 */
public class HeardTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            var dataDir = Files.createTempDirectory("heard-test-data");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "heard-test-infrastructure",
                            Map.of(
                                    "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers(),
                                    "spring.elasticsearch.uris",
                                            TestElasticsearch.uri().toString(),
                                    "spring.elasticsearch.username", TestElasticsearch.username(),
                                    "spring.elasticsearch.password", TestElasticsearch.password(),
                                    "heard.data-dir", dataDir.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
