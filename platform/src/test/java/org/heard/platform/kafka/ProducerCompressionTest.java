package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

class ProducerCompressionTest {

    private final KafkaConfiguration configuration = new KafkaConfiguration();

    @Test
    void compressesWhatHeardPublishesUnlessCompressionIsConfigured() {
        var plain = new DefaultKafkaProducerFactory<String, byte[]>(Map.of(ProducerConfig.ACKS_CONFIG, "all"));
        var configured =
                new DefaultKafkaProducerFactory<String, byte[]>(Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"));

        configuration.heardProducerCompression().customize(plain);
        configuration.heardProducerCompression().customize(configured);

        assertThat(plain.getConfigurationProperties())
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
        assertThat(configured.getConfigurationProperties())
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }
}
