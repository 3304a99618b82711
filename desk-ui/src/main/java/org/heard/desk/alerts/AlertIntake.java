package org.heard.desk.alerts;

import java.time.Clock;
import java.time.Duration;
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
    /** Five tries over about half a minute: well inside Kafka's poll interval, long enough for a brief outage. */
    static final int TRIES = 5;

    private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);

    private final Alerts alerts;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration firstWait;

    AlertIntake(Alerts alerts, EventPublisher publisher, Clock clock) {
        this(alerts, publisher, clock, Duration.ofSeconds(2));
    }

    AlertIntake(Alerts alerts, EventPublisher publisher, Clock clock, Duration firstWait) {
        this.alerts = alerts;
        this.publisher = publisher;
        this.clock = clock;
        this.firstWait = firstWait;
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
            deadLetter(record, "unreadable triaged mention: " + e.getMessage());
            return;
        }
        Duration wait = firstWait;
        for (int tries = 1; ; tries++) {
            try {
                alerts.triaged(triaged);
                return;
            } catch (RuntimeException e) {
                if (tries == TRIES) {
                    // An immediate mention must not pass unnoticed: an admin sees it with the dead letters.
                    log.error("Could not raise the alert for {} after {} tries", triaged.mentionId(), tries, e);
                    deadLetter(
                            record,
                            "Alert not raised for an "
                                    + triaged.urgency().level().wire() + " mention (" + e.getMessage() + ")");
                    return;
                }
                log.warn(
                        "Alerts for {} failed (try {} of {}), trying again in {}: {}",
                        triaged.mentionId(),
                        tries,
                        TRIES,
                        wait,
                        e.getMessage());
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** Triage wrote something no desk can read, or its alert could not be raised: kept for an admin with its bytes. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        log.warn(
                "The triaged record at {}-{}@{} is dead-lettered: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason);
        var letter = DeadLettered.ofBytes(
                "desk-alerts-" + record.partition() + "-" + record.offset(),
                "desk:" + record.topic(),
                "Alerts: " + reason,
                record.value(),
                Map.of(
                        "topic",
                        record.topic(),
                        "partition",
                        Integer.toString(record.partition()),
                        "offset",
                        Long.toString(record.offset())),
                clock.instant());
        publisher.publish(Topics.DEAD_LETTERS, letter).exceptionally(failure -> {
            log.error("Could not dead-letter the unreadable triaged record at offset {}", record.offset(), failure);
            return null;
        });
    }
}
