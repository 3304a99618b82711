package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaTopicSettingsTest {

    private static final java.time.Duration THIRTY_DAYS = java.time.Duration.ofDays(30);

    @Test
    void keepsThreeCopiesWithTwoInSyncOnAClusterOfThreeOrMore() {
        var unset = new KafkaTopicSettings(3, null, null, THIRTY_DAYS);

        assertThat(unset.replicationFor(3)).isEqualTo(new ReplicationFit((short) 3, 2));
        assertThat(unset.replicationFor(5)).isEqualTo(new ReplicationFit((short) 3, 2));
    }

    @Test
    void keepsOneCopyOnOneOrTwoBrokers() {
        var unset = new KafkaTopicSettings(3, null, null, THIRTY_DAYS);

        assertThat(unset.replicationFor(1)).isEqualTo(new ReplicationFit((short) 1, 1));
        assertThat(unset.replicationFor(2)).isEqualTo(new ReplicationFit((short) 1, 1));
    }

    @Test
    void configuredReplicationWinsOverTheClusterSize() {
        assertThat(new KafkaTopicSettings(3, (short) 2, null, THIRTY_DAYS).replicationFor(5))
                .isEqualTo(new ReplicationFit((short) 2, 1));
        assertThat(new KafkaTopicSettings(3, (short) 3, 3, THIRTY_DAYS).replicationFor(1))
                .isEqualTo(new ReplicationFit((short) 3, 3));
        assertThat(new KafkaTopicSettings(3, null, 1, THIRTY_DAYS).replicationFor(3))
                .isEqualTo(new ReplicationFit((short) 3, 1));
    }

    @Test
    void refusesMoreReplicasInSyncThanCopies() {
        assertThatThrownBy(() -> new KafkaTopicSettings(3, (short) 1, 2, THIRTY_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesARetentionShorterThanAnHour() {
        assertThatThrownBy(() -> new KafkaTopicSettings(3, null, null, java.time.Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heard.kafka.topics.retention");
    }
}
