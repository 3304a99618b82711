package org.heard.desk;

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

/** Publishes to the test broker as the application does (key by topic, JSON value), for tests without a Spring context. */
public final class KafkaTestPublisher implements EventPublisher, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestPublisher() {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
    }

    /** A producer with this configuration: another broker, the application's own settings. */
    public KafkaTestPublisher(Map<String, Object> config) {
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        var sent = new CompletableFuture<Void>();
        producer.send(
                new ProducerRecord<>(topic.name(), topic.keyOf(record), DeskJson.write(record)),
                (metadata, failure) -> {
                    if (failure == null) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(failure);
                    }
                });
        return sent;
    }

    @Override
    public void close() {
        // Bounded: a producer whose broker has gone would otherwise wait for it.
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
