package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

class TopicRetentionIT {

    @Test
    void aTopicThatKeptRecordsForEverKeepsThemForTheConfiguredTimeAfterTheStart() throws Exception {
        String topic = "retention-" + UUID.randomUUID();
        String missing = "retention-missing-" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            admin.createTopics(List.of(
                            new NewTopic(topic, 1, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"))))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            assertThat(TopicRetention.align(admin, List.of(topic, missing), Duration.ofDays(30)))
                    .containsExactly(topic);

            assertThat(retentionOf(admin, topic))
                    .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
            assertThat(TopicRetention.align(admin, List.of(topic), Duration.ofDays(30)))
                    .as("already right")
                    .isEmpty();
        }
    }

    private static String retentionOf(Admin admin, String topic) throws Exception {
        var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource)
                .get(TopicConfig.RETENTION_MS_CONFIG)
                .value();
    }
}
