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

    @Test
    void writesManyValuesInOneGo() {
        checkpoints.ensureExists();
        String prefix = "twitter:mention:" + UUID.randomUUID() + ":";
        var values = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < 250; i++) {
            values.put(prefix + i, "{\"conversationRoot\":\"" + i + "\"}");
        }

        checkpoints.writeAll(values);

        assertThat(checkpoints.read(prefix + 0)).contains("{\"conversationRoot\":\"0\"}");
        assertThat(checkpoints.read(prefix + 249)).contains("{\"conversationRoot\":\"249\"}");
    }

    @Test
    void forgetsOnlyValuesUnderThePrefixWrittenBeforeTheCutoff() throws Exception {
        checkpoints.ensureExists();
        String run = UUID.randomUUID().toString();
        String old = "twitter:mention:" + run + ":old";
        String other = "twitter:position:" + run;
        checkpoints.writeAll(java.util.Map.of(old, "a", other, "b"));
        TestElasticsearch.client().indices().refresh(refresh -> refresh.index(CheckpointIndex.INDEX));
        var cutoff = java.time.Instant.now().plusMillis(1);
        String fresh = "twitter:mention:" + run + ":fresh";
        org.awaitility.Awaitility.await().until(() -> java.time.Instant.now().isAfter(cutoff));
        checkpoints.write(fresh, "c");
        TestElasticsearch.client().indices().refresh(refresh -> refresh.index(CheckpointIndex.INDEX));

        long forgotten = checkpoints.forgetOlderThan("twitter:mention:" + run, cutoff);

        assertThat(forgotten).isEqualTo(1);
        assertThat(checkpoints.read(old)).isEmpty();
        assertThat(checkpoints.read(fresh)).contains("c");
        assertThat(checkpoints.read(other)).contains("b");
    }
}
