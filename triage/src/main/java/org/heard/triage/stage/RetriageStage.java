package org.heard.triage.stage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.RetriageRequested;
import org.heard.contracts.Topics;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.TagWriter;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags indexed mentions again for an admin's re-triage job, from the text in the index. Only the
 * machine's tags are replaced (see {@link TagWriter#retagAll}); what cannot be re-tagged becomes
 * a dead letter of source {@value #SOURCE} naming the job, which the job counts as a failure.
 * Like {@link TriageStage}, it returns only when every request is done or dead-lettered.
 */
public class RetriageStage {

    static final String SOURCE = "retriage";

    private static final Logger log = LoggerFactory.getLogger(RetriageStage.class);

    private final MentionTagger tagger;
    private final MentionSearch index;
    private final TagWriter writer;
    private final EventPublisher publisher;
    private final Clock clock;

    public RetriageStage(
            MentionTagger tagger, MentionSearch index, TagWriter writer, EventPublisher publisher, Clock clock) {
        this.tagger = tagger;
        this.index = index;
        this.writer = writer;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        var deadLetters = new ArrayList<DeadLettered>();
        var requests = new LinkedHashMap<String, RetriageRequested>();
        for (var record : records) {
            try {
                var request = DeskJson.read(record.value(), RetriageRequested.class);
                requests.put(request.mentionId().value(), request);
            } catch (DeskJson.UnreadableRecord e) {
                deadLetters.add(unreadable(record, e.getMessage()));
            }
        }
        var mentions = new ArrayList<MentionReceived>(requests.size());
        var found = new java.util.HashSet<String>();
        for (MentionDocument document : index.findAll(requests.keySet())) {
            found.add(document.mentionId());
            try {
                mentions.add(asReceived(document));
            } catch (RuntimeException e) {
                deadLetters.add(notRetagged(
                        requests.get(document.mentionId()), "The indexed mention cannot be read: " + e.getMessage()));
            }
        }
        requests.forEach((id, request) -> {
            if (!found.contains(id)) {
                deadLetters.add(notRetagged(request, "The mention is no longer in the index"));
            }
        });
        var tagged = TriageStage.tagSafely(
                tagger,
                mentions,
                (mention, failure) -> deadLetters.add(
                        notRetagged(requests.get(mention.mentionId().value()), "Triage failed: " + failure)));
        // Each job's requests are written with that job's id (a batch may hold two jobs' requests after a cancel and
        // restart).
        var byJob = new LinkedHashMap<String, List<org.heard.contracts.MentionTriaged>>();
        tagged.values()
                .forEach(tags -> byJob.computeIfAbsent(
                                requests.get(tags.mentionId().value()).jobId(), job -> new ArrayList<>())
                        .add(tags));
        byJob.forEach((job, tags) -> writer.retagAll(tags, job, clock.instant())
                .forEach((id, reason) -> deadLetters.add(notRetagged(requests.get(id), "Not re-tagged: " + reason))));
        var announcements = new ArrayList<CompletableFuture<Void>>();
        deadLetters.forEach(letter -> announcements.add(publisher.publish(Topics.DEAD_LETTERS, letter)));
        TriageStage.awaitAll(announcements);
        if (!deadLetters.isEmpty()) {
            log.warn("Re-triage dead-lettered {} of {} requests", deadLetters.size(), records.size());
        }
    }

    /** The mention as it was taken in, rebuilt from the index, so triage reads what it read the first time. */
    static MentionReceived asReceived(MentionDocument document) {
        return new MentionReceived(
                new MentionId(document.mentionId()),
                document.channel(),
                document.account(),
                document.externalId(),
                document.conversationId() == null ? null : new ConversationId(document.conversationId()),
                document.inReplyToExternalId(),
                document.author(),
                document.subject(),
                document.text(),
                document.publishedAt(),
                document.receivedAt(),
                document.serviceHints(),
                document.flags(),
                document.attributes());
    }

    private DeadLettered notRetagged(RetriageRequested request, String reason) {
        return DeadLettered.ofText(
                SOURCE + "-" + request.jobId() + "-" + request.mentionId().value(),
                SOURCE,
                reason,
                new String(DeskJson.write(request), StandardCharsets.UTF_8),
                Map.of(
                        "retriageJob",
                        request.jobId(),
                        "mentionId",
                        request.mentionId().value()),
                clock.instant());
    }

    private DeadLettered unreadable(ConsumerRecord<String, byte[]> record, String reason) {
        return DeadLettered.ofBytes(
                SOURCE + "-" + record.topic() + "-" + record.partition() + "-" + record.offset(),
                SOURCE,
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
}
