package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.contracts.Topics;
import org.junit.jupiter.api.Test;

class HeardTopicsTest {

    private final java.util.Map<String, NewTopic> topics =
            KafkaConfiguration.topics(3, new ReplicationFit((short) 1, 1), java.time.Duration.ofDays(30)).stream()
                    .collect(java.util.stream.Collectors.toMap(NewTopic::name, topic -> topic));

    @Test
    void theChannelStatusTopicKeepsOnlyTheLatestReportPerAccount() {
        assertThat(topics.get(Topics.CHANNEL_STATUS.name()).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void whatPatientsWroteIsKeptForTheConfiguredRetentionNotForEver() {
        for (var topic : Topics.all()) {
            if (!Topics.compacted().contains(topic)) {
                assertThat(topics.get(topic.name()).configs())
                        .as(topic.name())
                        .containsEntry(
                                TopicConfig.RETENTION_MS_CONFIG,
                                Long.toString(java.time.Duration.ofDays(30).toMillis()))
                        .doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
            }
        }
        assertThat(topics)
                .containsKeys(Topics.all().stream().map(topic -> topic.name()).toArray(String[]::new));
    }
}
