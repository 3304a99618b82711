package org.heard.desk.deadletters;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import org.heard.contracts.DeadLettered;

/** The dead-letter shelf for other features' tests, as the desk's consumer fills it. */
public final class TestDeadLetters {

    private final DeadLetterShelf shelf;

    public TestDeadLetters(ElasticsearchClient client) {
        this.shelf = new DeadLetterShelf(client);
        shelf.ensureExists();
    }

    public void shelve(DeadLettered letter) {
        shelf.shelve(letter, Instant.now());
    }

    public DeadLetterCounts counts() {
        return new DeadLetterCounts(shelf);
    }
}
