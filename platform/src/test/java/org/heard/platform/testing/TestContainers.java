package org.heard.platform.testing;

import java.net.URI;
import java.time.Duration;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The containers of {@link TestInfrastructure#CONTAINERS}, configured as deploy/compose runs them
 * (Elasticsearch with authentication and plain HTTP; Kafka in KRaft mode, three partitions per
 * topic and no automatic topics, like the embedded broker). Started on first use; Testcontainers
 * removes them when the JVM exits. Only loaded when a Docker engine answered.
 */
final class TestContainers {

    static final String ELASTICSEARCH_USER = "elastic";
    static final String ELASTICSEARCH_PASSWORD = "heard-test-" + Long.toHexString(System.nanoTime());

    private TestContainers() {}

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static final class Kafka {
        static final KafkaContainer CONTAINER = start();

        private static KafkaContainer start() {
            var kafka = new KafkaContainer(TestInfrastructure.KAFKA_IMAGE)
                    .withEnv("KAFKA_NUM_PARTITIONS", "3")
                    .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
            kafka.start();
            return kafka;
        }
    }

    private static final class Elasticsearch {
        static final ElasticsearchContainer CONTAINER = start();

        private static ElasticsearchContainer start() {
            var node = new ElasticsearchContainer(TestInfrastructure.ELASTICSEARCH_IMAGE)
                    .withPassword(ELASTICSEARCH_PASSWORD)
                    .withEnv("discovery.type", "single-node")
                    .withEnv("xpack.security.enabled", "true")
                    .withEnv("xpack.security.http.ssl.enabled", "false")
                    .withEnv("xpack.security.transport.ssl.enabled", "false")
                    .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                    .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow")
                            .forPort(9200)
                            .withBasicCredentials(ELASTICSEARCH_USER, ELASTICSEARCH_PASSWORD)
                            .withStartupTimeout(Duration.ofMinutes(3)));
            node.start();
            return node;
        }
    }

    static String kafkaBootstrapServers() {
        return Kafka.CONTAINER.getBootstrapServers();
    }

    static URI elasticsearchUri() {
        return URI.create("http://" + Elasticsearch.CONTAINER.getHttpHostAddress());
    }
}
