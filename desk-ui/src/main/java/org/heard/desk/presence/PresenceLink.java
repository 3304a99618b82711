package org.heard.desk.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.heard.contracts.DeskJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries presence between desk instances over {@link PresenceBeat#TOPIC}: beats this instance's
 * visits every heartbeat, reads every partition of the topic (no consumer group: every instance
 * must read every beat, and nothing is committed) and forgets visits elsewhere whose beats stopped.
 * On start it reads the topic's few retained beats, so a new instance knows at once who is where
 * instead of after a heartbeat.
 */
class PresenceLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PresenceLink.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final Presence presence;
    private final Map<String, Object> consumerConfig;
    private final Duration heartbeat;
    private final ScheduledExecutorService timers;
    private final Thread reader;
    private volatile boolean running = true;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param consumerConfig the Kafka client settings (servers, security); group and deserialisers are set here
     */
    PresenceLink(Presence presence, Map<String, Object> consumerConfig, Duration heartbeat) {
        this.presence = presence;
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.heartbeat = heartbeat;
        this.timers = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("heard-presence-beat").daemon().factory());
        this.reader = Thread.ofPlatform().name("heard-presence-read").daemon().unstarted(this::read);
    }

    PresenceLink start() {
        long beatMillis = heartbeat.toMillis();
        timers.scheduleAtFixedRate(this::beat, beatMillis, beatMillis, TimeUnit.MILLISECONDS);
        long sweepMillis = Math.max(50, beatMillis / 2);
        timers.scheduleAtFixedRate(presence::expire, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        reader.start();
        return this;
    }

    /** A graceful stop: tells the other instances every visit here has left, then stops. */
    @Override
    public void close() {
        if (running) {
            presence.departAll();
        }
        halt();
    }

    /** Stops beating and reading without a word, as a killed process would. */
    void halt() {
        running = false;
        stopped.countDown();
        timers.shutdownNow();
        var reading = consumer;
        if (reading != null) {
            reading.wakeup();
        }
        try {
            reader.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void beat() {
        try {
            presence.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not send presence beats: {}", e.getMessage());
        }
    }

    /** Reads until stopped; when Kafka fails (unreachable, a timeout), starts again after a pause. */
    private void read() {
        while (running) {
            try (var reading =
                    new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = reading;
                if (!running) {
                    return;
                }
                var partitions = partitions(reading);
                if (partitions.isEmpty()) {
                    return;
                }
                reading.assign(partitions);
                startAtRecentBeats(reading, partitions);
                while (running) {
                    for (var record : reading.poll(POLL)) {
                        take(record);
                    }
                }
            } catch (WakeupException stopping) {
                // close() or halt(): the loop ends.
            } catch (RuntimeException e) {
                log.warn("Presence from other desk instances interrupted, reading again shortly: {}", e.toString());
                pause(RETRY_AFTER);
            } finally {
                consumer = null;
            }
        }
    }

    /** Waits before trying again, unless the link is stopped meanwhile. */
    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The topic's partitions; waits while the topic is being created (at the first start of a cluster). */
    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> reading) {
        while (running) {
            var infos = reading.partitionsFor(PresenceBeat.TOPIC.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
            }
            log.info("Waiting for the topic {} to exist", PresenceBeat.TOPIC.name());
            pause(Duration.ofSeconds(1));
        }
        return List.of();
    }

    /**
     * Reads the topic from its start: its retention is short, beats older than the timeout are
     * ignored, and a visit's beats are in order (keyed by mention), so what remains is who is where.
     */
    private static void startAtRecentBeats(KafkaConsumer<String, byte[]> reading, List<TopicPartition> partitions) {
        reading.seekToBeginning(partitions);
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        PresenceBeat beat;
        try {
            beat = DeskJson.read(record.value(), PresenceBeat.class);
        } catch (DeskJson.UnreadableRecord e) {
            // Not a patient's input: a beat another desk version wrote. Said in the log, then skipped.
            log.warn(
                    "Ignoring an unreadable presence beat at {}-{} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        presence.heard(beat);
    }
}
