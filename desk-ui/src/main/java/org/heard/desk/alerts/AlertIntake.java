package org.heard.desk.alerts;

import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads triaged mentions in one consumer group shared by every desk instance, so each mention is
 * looked at for alerts once; from the earliest unread, so a mention triaged while every desk was
 * down is still alerted (within {@code heard.alerts.max-age}).
 */
class AlertIntake {

    static final String GROUP = "heard-alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final Alerts alerts;
    private final EventPublisher publisher;
    private final Clock clock;

    AlertIntake(Alerts alerts, EventPublisher publisher, Clock clock) {
        this.alerts = alerts;
        this.publisher = publisher;
        this.clock = clock;
    }

    @KafkaListener(
            id = "heard-alerts",
            groupId = GROUP,
            topics = "#{T(org.heard.contracts.Topics).TRIAGED.name()}",
            properties = "auto.offset.reset=earliest")
    void onTriaged(ConsumerRecord<String, byte[]> record) {
        MentionTriaged triaged;
        try {
            triaged = DeskJson.read(record.value(), MentionTriaged.class);
        } catch (DeskJson.UnreadableRecord e) {
            deadLetter(record, e.getMessage());
            return;
        }
        // Failures (Elasticsearch away) propagate: the record is not committed and comes again.
        alerts.triaged(triaged);
    }

    /** Triage wrote something no desk can read: kept for an admin with its bytes, never dropped. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn("An unreadable triaged record at {}-{}@{} is dead-lettered: {}", record.topic(), record.partition(), record.offset(), reason);
        var letter = new DeadLettered("desk-alerts-" + record.partition() + "-" + record.offset(), "desk:" + record.topic(),
                "Unreadable triaged mention (alerts): " + reason, "base64",
                Base64.getEncoder().encodeToString(record.value() == null ? new byte[0] : record.value()),
                Map.of("topic", record.topic(), "partition", Integer.toString(record.partition()), "offset", Long.toString(record.offset())),
                clock.instant());
        publisher.publish(Topics.DEAD_LETTERS, letter).exceptionally(failure -> {
            log.error("Could not dead-letter the unreadable triaged record at offset {}", record.offset(), failure);
            return null;
        });
    }
}
