package org.heard.ingest.email;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestKafka;

/**
 * Publishes to the test broker and completes when it acknowledged, with the producer settings the
 * application uses (acks=all, idempotence, linger 5 ms): the platform's publisher without a Spring
 * context.
 */
final class KafkaPublisher implements EventPublisher, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestKafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    true,
                    ProducerConfig.LINGER_MS_CONFIG,
                    5),
            new StringSerializer(),
            new ByteArraySerializer());

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        var acknowledged = new CompletableFuture<Void>();
        producer.send(
                new ProducerRecord<>(topic.name(), topic.keyOf(record), DeskJson.write(record)), (metadata, error) -> {
                    if (error == null) {
                        acknowledged.complete(null);
                    } else {
                        acknowledged.completeExceptionally(error);
                    }
                });
        return acknowledged;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
