package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.contracts.Topics;
import org.junit.jupiter.api.Test;

class HeardTopicsTest {

    private final java.util.Map<String, NewTopic> topics = KafkaConfiguration.topics(3, new ReplicationFit((short) 1, 1))
            .stream()
            .collect(java.util.stream.Collectors.toMap(NewTopic::name, topic -> topic));

    @Test
    void theChannelStatusTopicKeepsOnlyTheLatestReportPerAccount() {
        assertThat(topics.get(Topics.CHANNEL_STATUS.name()).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void whatPatientsSaidAndWhatWeAnsweredIsKeptWhole() {
        assertThat(topics.get(Topics.MENTIONS.name()).configs()).containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .doesNotContainKey(TopicConfig.CLEANUP_POLICY_CONFIG);
        assertThat(topics).containsKeys(Topics.all().stream().map(topic -> topic.name()).toArray(String[]::new));
    }
}
