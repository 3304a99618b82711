package org.heard.desk.deadletters;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.DeskJson;

/**
 * Keeps every record of the dead-letter topic on the shelf. A record that is not a readable dead
 * letter is kept too, as a dead letter of source {@value #SOURCE}: nothing on this topic is dropped.
 * Throws when Elasticsearch is down, so the container keeps the batch and tries again.
 */
class DeadLetterIntake {

    static final String SOURCE = "dead-letters";

    private final DeadLetterShelf shelf;
    private final Clock clock;

    DeadLetterIntake(DeadLetterShelf shelf, Clock clock) {
        this.shelf = shelf;
        this.clock = clock;
    }

    void take(List<ConsumerRecord<String, byte[]>> records) {
        for (var record : records) {
            DeadLettered letter;
            try {
                letter = DeskJson.read(record.value(), DeadLettered.class);
            } catch (DeskJson.UnreadableRecord e) {
                letter = DeadLettered.ofBytes(
                        SOURCE + "-" + record.partition() + "-" + record.offset(),
                        SOURCE,
                        e.getMessage(),
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
            shelf.shelve(letter, clock.instant());
        }
    }
}
