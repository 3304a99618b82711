package org.heard.desk.deadletters;

/** How many dead letters a stage produced for some piece of work, for other desk features to count failures. */
public final class DeadLetterCounts {

    private final DeadLetterShelf shelf;

    DeadLetterCounts(DeadLetterShelf shelf) {
        this.shelf = shelf;
    }

    /** Dead letters of the source whose stage-given id starts with the prefix (each input once, not its retries). */
    public long of(String source, String idPrefix) {
        return shelf.countFirstAttempts(source, idPrefix);
    }
}
