package org.heard.desk.inbox;

import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionTriaged;
import org.heard.desk.shell.LiveListeners;
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

    private final LiveListeners<MentionTriaged> listeners = new LiveListeners<>("desk");

    /** Registers a listener; run the returned handle to unregister (when the view detaches). */
    public Runnable subscribe(Consumer<MentionTriaged> listener) {
        return listeners.add(listener);
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
        listeners.tell(triaged);
    }
}
