package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded default as the application runs it: the broker asks every client to sign in with a
 * generated account kept owner-only in the data directory, and the application's own clients do.
 */
@SpringBootTest(
        classes = EmbeddedKafkaLoginIT.Application.class,
        properties = {
            "heard.embedded.elasticsearch.enabled=false",
            "heard.embedded.kafka.port=0",
            "heard.embedded.kafka.controller-port=0"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedKafkaLoginIT {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("heard.data-dir", () -> dataDir.toString());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(EmbeddedInfrastructureConfiguration.class)
    static class Application {}

    @Autowired
    EmbeddedKafka broker;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    KafkaTemplate<String, String> template;

    @Test
    void theApplicationsOwnClientsSignInWithTheGeneratedAccount() throws Exception {
        kafkaAdmin.createOrModifyTopics(new NewTopic("heard.login-test", 1, (short) 1));

        template.send("heard.login-test", "conversation-1", "A mention").get(30, TimeUnit.SECONDS);

        assertThat(kafkaAdmin.getConfigurationProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void aClientWithoutTheAccountIsRefused() {
        try (Admin stranger =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThatThrownBy(() -> stranger.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes()
                            .get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    @Test
    void theAccountIsKeptOwnerOnlyInTheDataDirectoryAndNeverLogged(CapturedOutput output) throws Exception {
        Path credentials = dataDir.resolve("kafka/credentials");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                .isEqualTo("rw-------");
        var account = new Properties();
        try (var in = Files.newBufferedReader(credentials)) {
            account.load(in);
        }
        String password = account.getProperty("password");
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThat(broker.clientProperties().get("sasl.jaas.config")).contains(password);

        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }
        assertThat(output.getAll()).doesNotContain(password);
    }
}
