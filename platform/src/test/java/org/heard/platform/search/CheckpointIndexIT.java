package org.heard.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

class CheckpointIndexIT {

    final CheckpointIndex checkpoints = new CheckpointIndex(TestElasticsearch.client());

    @Test
    void keepsTheLastPositionWrittenForAKey() {
        checkpoints.ensureExists();
        checkpoints.ensureExists();
        String key = "twitter:@trust:mentions:" + UUID.randomUUID();

        assertThat(checkpoints.read(key)).isEmpty();
        checkpoints.write(key, "1790000000000000001");
        checkpoints.write(key, "1790000000000000002");

        assertThat(checkpoints.read(key)).contains("1790000000000000002");
    }

    @Test
    void storesLongValuesWhole() {
        checkpoints.ensureExists();
        String key = "story:reply:" + UUID.randomUUID();
        String value = "x".repeat(100_000);

        checkpoints.write(key, value);

        assertThat(checkpoints.read(key)).contains(value);
    }
}
