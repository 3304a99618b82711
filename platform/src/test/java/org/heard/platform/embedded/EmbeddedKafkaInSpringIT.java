package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The wiring the application uses when no Kafka is configured: the broker as a bean closed with the
 * context, and Spring Boot's Kafka clients pointed at it through {@link KafkaConnectionDetails}.
 */
@SpringBootTest(
        classes = EmbeddedKafkaInSpringIT.Application.class,
        properties = {
            "spring.kafka.producer.acks=all",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "spring.kafka.consumer.group-id=desk"
        })
// Closes the context, and with it the broker, after this class instead of at JVM exit.
@DirtiesContext
class EmbeddedKafkaInSpringIT {

    private static final String TOPIC = "mentions-received";

    @TempDir
    static Path dataDirectory;

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        @Bean(destroyMethod = "close")
        EmbeddedKafka embeddedKafka() {
            return EmbeddedKafka.start(EmbeddedKafka.Settings.in(dataDirectory));
        }

        @Bean
        KafkaConnectionDetails kafkaConnectionDetails(EmbeddedKafka kafka) {
            return () -> List.of(kafka.bootstrapServers());
        }

        @Bean
        NewTopic mentionsReceived() {
            return TopicBuilder.name(TOPIC).build();
        }
    }

    @Autowired
    KafkaTemplate<String, String> template;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Test
    void springKafkaClientsSendAndReceiveThroughTheEmbeddedBroker() throws Exception {
        template.send(TOPIC, "conversation-1", "Thank you to the ward 7 nurses").get(30, TimeUnit.SECONDS);

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }

        assertThat(received).extracting(ConsumerRecord::value).containsExactly("Thank you to the ward 7 nurses");
    }

    @Test
    void kafkaLogsOnlyWarningsUnderSpringBootLogging() {
        assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isInfoEnabled())
                .isFalse();
        assertThat(LoggerFactory.getLogger("kafka.server.BrokerServer").isWarnEnabled())
                .isTrue();
        assertThat(LoggerFactory.getLogger("org.apache.kafka.clients.producer.ProducerConfig")
                        .isInfoEnabled())
                .isFalse();
    }
}
