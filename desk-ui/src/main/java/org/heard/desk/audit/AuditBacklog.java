package org.heard.desk.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many audit entries are on Kafka and not yet in the index (the writers' consumer lag), and
 * whether that backlog is moving. A backlog that has not shrunk for {@code stuckAfter} means
 * the trail an admin searches is missing accesses that happened.
 */
class AuditBacklog {

    private static final long TIMEOUT_SECONDS = 3;

    /** @param behind entries waiting; {@code stuckSince} when the writers last made progress, if they are stuck */
    record Reading(long behind, Instant stuckSince) {

        boolean stuck() {
            return stuckSince != null;
        }
    }

    private final Admin admin;
    private final String topic;
    private final String group;
    private final Clock clock;
    private final Duration stuckAfter;
    private long lastWritten = -1;
    private Instant lastProgress;

    AuditBacklog(Admin admin, String topic, String group, Clock clock, Duration stuckAfter) {
        this.admin = admin;
        this.topic = topic;
        this.group = group;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
    }

    synchronized Reading read() throws Exception {
        var description = admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        description.partitions().forEach(partition -> {
            var tp = new TopicPartition(topic, partition.partition());
            latest.put(tp, OffsetSpec.latest());
            earliest.put(tp, OffsetSpec.earliest());
        });
        var ends = offsets(admin.listOffsets(latest));
        var starts = offsets(admin.listOffsets(earliest));
        var committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long behind = 0;
        long written = 0;
        for (var partition : ends.keySet()) {
            var offset = committed.get(partition);
            // A partition the group never committed on is read from its start.
            long done = offset == null ? starts.get(partition) : offset.offset();
            behind += Math.max(0, ends.get(partition) - done);
            written += done;
        }
        Instant now = clock.instant();
        if (written != lastWritten || behind == 0 || lastProgress == null) {
            lastWritten = written;
            lastProgress = now;
        }
        boolean stuck = behind > 0 && !now.isBefore(lastProgress.plus(stuckAfter));
        return new Reading(behind, stuck ? lastProgress : null);
    }

    private static Map<TopicPartition, Long> offsets(ListOffsetsResult result) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
