package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class KafkaServerPropertiesTest {

    private static final Path LOGS = Path.of("/var/heard/kafka/logs");

    @Test
    void listensOnlyOnTheConfiguredHost() {
        Map<String, String> properties = KafkaServerProperties.of("127.0.0.1", 9092, 9093, LOGS, null, Map.of());

        assertThat(properties)
                .containsEntry("listeners", "CLIENT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
                .containsEntry("advertised.listeners", "CLIENT://127.0.0.1:9092")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:9093");
    }

    @Test
    void keepsRecordsForeverAndLetsOnlyTheApplicationCreateTopics() {
        Map<String, String> properties = KafkaServerProperties.of("127.0.0.1", 9092, 9093, LOGS, null, Map.of());

        assertThat(properties)
                .containsEntry("log.retention.ms", "-1")
                .containsEntry("auto.create.topics.enable", "false")
                .containsEntry("num.partitions", "3")
                .containsEntry("log.dirs", LOGS.toString());
    }

    @Test
    void extraPropertiesOverrideTheSingleNodeDefaults() {
        Map<String, String> properties = KafkaServerProperties.of(
                "127.0.0.1", 9092, 9093, LOGS, null, Map.of("num.partitions", "6", "log.retention.hours", "24"));

        assertThat(properties).containsEntry("num.partitions", "6").containsEntry("log.retention.hours", "24");
    }

    @Test
    void defaultsFormAValidSingleNodeServerConfiguration() {
        KafkaConfig config =
                new KafkaConfig(KafkaServerProperties.of("127.0.0.1", 9092, 9093, LOGS, null, Map.of()), false);

        assertThat(config.nodeId()).isEqualTo(KafkaServerProperties.NODE_ID);
        assertThat(config.metadataLogDir()).isEqualTo(LOGS.toString());
        assertThat(config.logDirs()).containsExactly(LOGS.toString());
        assertThat(config.numNetworkThreads()).isEqualTo(1);
    }

    @Test
    void withALoginEveryListenerAsksClientsToSignIn() {
        var login = new EmbeddedKafka.Login("heard", "abcdefghijklmnopqrstuvwx");
        Map<String, String> properties = KafkaServerProperties.of("127.0.0.1", 9092, 9093, LOGS, login, Map.of());

        assertThat(properties)
                .containsEntry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        KafkaConfig config = new KafkaConfig(properties, false);
        assertThat(config.saslMechanismInterBrokerProtocol()).isEqualTo("SCRAM-SHA-512");
        assertThat(config.originals()
                        .get("listener.name.controller.plain.sasl.jaas.config")
                        .toString())
                .contains("user_heard=\"abcdefghijklmnopqrstuvwx\"");
    }
}
