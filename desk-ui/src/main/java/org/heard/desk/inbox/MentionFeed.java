package org.heard.desk.inbox;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionTriaged;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells every open desk that a mention was triaged and indexed. Each desk instance reads the
 * triaged topic in a group of its own, so a mention reaches every instance behind a load balancer.
 */
@Component
@ConditionalOnRole(HeardRole.DESK)
public class MentionFeed {

    private static final Logger log = LoggerFactory.getLogger(MentionFeed.class);

    private final Set<Consumer<MentionTriaged>> listeners = new CopyOnWriteArraySet<>();

    /** Registers a listener; run the returned handle to unregister (when the view detaches). */
    public Runnable subscribe(Consumer<MentionTriaged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @KafkaListener(
            id = "heard-desk-feed",
            groupId = "heard-desk-${random.uuid}",
            topics = "#{T(org.heard.contracts.Topics).TRIAGED.name()}",
            properties = "auto.offset.reset=latest")
    void onTriaged(ConsumerRecord<String, byte[]> record) {
        MentionTriaged triaged;
        try {
            triaged = DeskJson.read(record.value(), MentionTriaged.class);
        } catch (DeskJson.UnreadableRecord e) {
            log.warn("Ignoring an unreadable triage announcement at offset {}: {}", record.offset(), e.getMessage());
            return;
        }
        for (var listener : listeners) {
            try {
                listener.accept(triaged);
            } catch (RuntimeException e) {
                log.warn("A desk listener failed", e);
            }
        }
    }
}
