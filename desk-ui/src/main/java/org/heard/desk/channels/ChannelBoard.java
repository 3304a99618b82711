package org.heard.desk.channels;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topics;
import org.heard.desk.shell.LiveListeners;
import org.heard.platform.events.EventPublisher;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The latest report of every channel account, from whichever ingest instance sent it. Each desk
 * instance reads the compacted status topic from the start in a consumer group of its own: the
 * topic holds one record per account (plus what compaction has not yet folded), so a start replays
 * a few hundred records at most, needs no index of its own, and every instance sees every report live.
 */
class ChannelBoard {

    private final Map<String, ChannelStatusReported> latest = new ConcurrentHashMap<>();
    private final LiveListeners<ChannelStatusReported> listeners = new LiveListeners<>("Channels page");
    private final EventPublisher publisher;

    ChannelBoard(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Every account's latest report, in no particular order. */
    List<ChannelStatusReported> reports() {
        return List.copyOf(latest.values());
    }

    /** Registers a listener told of every new report; run the returned handle to unregister. */
    Runnable subscribe(Runnable listener) {
        return listeners.add(report -> listener.run());
    }

    /** Keeps a report unless a newer one of the same account is already known (two ingest instances, or a replay). */
    void accept(ChannelStatusReported report) {
        latest.merge(
                report.key(),
                report,
                (known, incoming) -> incoming.reportedAt().isBefore(known.reportedAt()) ? known : incoming);
        listeners.tell(report);
    }

    @KafkaListener(
            id = "heard-desk-channels",
            groupId = "heard-desk-channels-${random.uuid}",
            topics = "#{T(org.heard.contracts.Topics).CHANNEL_STATUS.name()}",
            properties = "auto.offset.reset=earliest")
    void onReport(ConsumerRecord<String, byte[]> record) {
        ChannelStatusReported report;
        try {
            report = DeskJson.read(record.value(), ChannelStatusReported.class);
        } catch (DeskJson.UnreadableRecord e) {
            // Kept for an admin, not dropped: a newer ingest may speak a state this desk does not know yet.
            var raw = record.value() == null ? "" : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            publisher.publish(
                    Topics.DEAD_LETTERS,
                    DeadLettered.ofText(
                            "desk-channels-" + UUID.randomUUID(),
                            "desk:channel-status",
                            "Unreadable channel status: " + e.getMessage(),
                            raw,
                            Map.of(
                                    "topic",
                                    record.topic(),
                                    "partition",
                                    Integer.toString(record.partition()),
                                    "offset",
                                    Long.toString(record.offset())),
                            Instant.now()));
            return;
        }
        accept(report);
    }
}
