package org.heard.platform.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes contract records as JSON, keyed by the topic's key (the conversation), with the record
 * type in a header so tools can filter without parsing. The producer runs with acks=all and
 * idempotence (application.yaml), so a completed future means the record is durable.
 */
class KafkaEventPublisher implements EventPublisher {

    static final String TYPE_HEADER = "heard-type";

    private final KafkaTemplate<String, byte[]> template;

    KafkaEventPublisher(KafkaTemplate<String, byte[]> template) {
        this.template = template;
    }

    @Override
    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        var producerRecord = new ProducerRecord<>(topic.name(), topic.keyOf(record), DeskJson.write(record));
        producerRecord
                .headers()
                .add(TYPE_HEADER, record.getClass().getSimpleName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return template.send(producerRecord).thenApply(result -> null);
    }
}
