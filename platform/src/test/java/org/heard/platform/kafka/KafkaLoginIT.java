package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.Topics;
import org.heard.platform.embedded.EmbeddedKafka;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An external cluster that asks for a login: heard.kafka.login signs every client in, the password from a file. */
@SpringBootTest(
        classes = KafkaLoginIT.Application.class,
        properties = {
            // As the application's application.yaml sets them.
            "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
            "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
            "spring.kafka.producer.acks=all"
        })
@DirtiesContext
class KafkaLoginIT {

    private static final EmbeddedKafka.Login ACCOUNT =
            new EmbeddedKafka.Login("heard-desk", "a-long-password-from-a-secret");

    @TempDir
    static Path directory;

    private static EmbeddedKafka broker;

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) throws Exception {
        broker = EmbeddedKafka.start(
                EmbeddedKafka.Settings.in(directory.resolve("kafka")).withLogin(ACCOUNT));
        Path password = Files.writeString(directory.resolve("kafka-password"), ACCOUNT.password() + "\n");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        // The test broker has no TLS; a real cluster's protocol is SASL_SSL, the default with a login.
        registry.add("spring.kafka.security.protocol", () -> "SASL_PLAINTEXT");
        registry.add("heard.kafka.login.username", ACCOUNT::username);
        registry.add("heard.kafka.login.password-file", password::toString);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(KafkaConfiguration.class)
    static class Application {}

    @Autowired
    EventPublisher publisher;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void everyClientSignsInWithTheConfiguredAccount() throws Exception {
        publisher
                .publish(
                        Topics.AUDIT,
                        new AccessAudited(
                                "a-1",
                                "sam",
                                "conversation-opened",
                                "m-1",
                                "c-1",
                                "",
                                java.time.Instant.now(),
                                "desk-1"))
                .get(30, TimeUnit.SECONDS);

        assertThat(kafkaAdmin.getConfigurationProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("security.protocol", "SASL_PLAINTEXT");
    }
}
