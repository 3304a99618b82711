package org.heard.platform.kafka;

import java.util.Properties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Listener containers for stages that must not lose a batch: offsets are committed after the
 * listener returns, and when it throws (Elasticsearch or Kafka down) the batch is kept and tried
 * again, backing off up to 30 s between tries, never giving up.
 */
public final class BatchListeners {

    private BatchListeners() {}

    /**
     * @param maxPollRecords the largest batch, or 0 for the consumer's setting
     */
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> retryingForever(
            ConsumerFactory<String, byte[]> consumerFactory, int concurrency, int maxPollRecords) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        if (maxPollRecords > 0) {
            var overrides = new Properties();
            overrides.setProperty("max.poll.records", Integer.toString(maxPollRecords));
            factory.getContainerProperties().setKafkaConsumerProperties(overrides);
        }
        var backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
