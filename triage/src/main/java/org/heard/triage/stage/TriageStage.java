package org.heard.triage.stage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Topics;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TagWriter;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a batch of mentions from Kafka, tags them, writes them to Elasticsearch and announces the
 * tags. It returns normally only when Elasticsearch has every document (or a dead letter says why
 * not): only then does the container commit the offsets. When Elasticsearch is down it throws, the
 * container keeps the batch and retries with back-off, so triage pauses and nothing is lost.
 */
public class TriageStage {

    private static final Logger log = LoggerFactory.getLogger(TriageStage.class);

    private final MentionTagger tagger;
    private final TagWriter index;
    private final EventPublisher publisher;
    private final Clock clock;

    public TriageStage(MentionTagger tagger, TagWriter index, EventPublisher publisher, Clock clock) {
        this.tagger = tagger;
        this.index = index;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        var deadLetters = new ArrayList<DeadLettered>();
        var mentions = new ArrayList<MentionReceived>(records.size());
        for (var record : records) {
            try {
                mentions.add(DeskJson.read(record.value(), MentionReceived.class));
            } catch (DeskJson.UnreadableRecord e) {
                deadLetters.add(deadLetter(record, e.getMessage()));
            }
        }
        var tagged = tagSafely(
                tagger,
                mentions,
                (mention, failure) -> deadLetters.add(deadLetter(mention, "Triage failed: " + failure)));
        var documents = new ArrayList<MentionDocument>(tagged.size());
        tagged.forEach((mention, tags) -> documents.add(MentionDocument.of(mention, tags)));

        Map<String, String> refused = index.upsertAll(documents);
        var announcements = new ArrayList<CompletableFuture<Void>>();
        tagged.forEach((mention, tags) -> {
            String reason = refused.get(mention.mentionId().value());
            if (reason == null) {
                announcements.add(publisher.publish(Topics.TRIAGED, tags));
            } else {
                deadLetters.add(deadLetter(mention, "Elasticsearch refused the mention: " + reason));
            }
        });
        deadLetters.forEach(letter -> announcements.add(publisher.publish(Topics.DEAD_LETTERS, letter)));
        awaitAll(announcements);
        if (!deadLetters.isEmpty()) {
            log.warn("Triage dead-lettered {} of {} records", deadLetters.size(), records.size());
        }
    }

    /** Tags the batch; when a batch fails, tags one by one so a single poison mention cannot block the others. */
    static Map<MentionReceived, MentionTriaged> tagSafely(
            MentionTagger tagger,
            List<MentionReceived> mentions,
            java.util.function.BiConsumer<MentionReceived, RuntimeException> onFailure) {
        var tagged = new LinkedHashMap<MentionReceived, MentionTriaged>();
        try {
            var results = tagger.tag(mentions);
            for (int i = 0; i < mentions.size(); i++) {
                tagged.put(mentions.get(i), results.get(i));
            }
            return tagged;
        } catch (RuntimeException batchFailure) {
            log.warn("Tagging a batch of {} failed ({}); tagging one by one", mentions.size(), batchFailure.toString());
        }
        for (var mention : mentions) {
            try {
                tagged.put(mention, tagger.tag(List.of(mention)).getFirst());
            } catch (RuntimeException e) {
                onFailure.accept(mention, e);
            }
        }
        return tagged;
    }

    static void awaitAll(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing triage results", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge the triage results; the batch will be retried", e);
        }
    }

    private DeadLettered deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        return DeadLettered.ofBytes(
                "triage-" + record.topic() + "-" + record.partition() + "-" + record.offset(),
                "triage",
                reason,
                record.value(),
                Map.of(
                        "topic",
                        record.topic(),
                        "partition",
                        Integer.toString(record.partition()),
                        "offset",
                        Long.toString(record.offset())),
                clock.instant());
    }

    private DeadLettered deadLetter(MentionReceived mention, String reason) {
        return DeadLettered.ofText(
                "triage-" + mention.mentionId().value(),
                "triage",
                reason,
                new String(DeskJson.write(mention), StandardCharsets.UTF_8),
                Map.of(
                        "mentionId",
                        mention.mentionId().value(),
                        "channel",
                        mention.channel().wire()),
                clock.instant());
    }
}
