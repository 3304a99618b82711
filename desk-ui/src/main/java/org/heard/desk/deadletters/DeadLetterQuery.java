package org.heard.desk.deadletters;

import java.time.Instant;

/**
 * What an admin looks for; every part optional (null = any).
 *
 * @param source a source or the start of one: {@code email} finds every mailbox's
 * @param words words of the reason
 * @param from inclusive, {@code before} exclusive, on when it was dead-lettered
 */
record DeadLetterQuery(String source, String words, Instant from, Instant before, DeadLetter.State state) {

    static DeadLetterQuery everything() {
        return new DeadLetterQuery(null, null, null, null, null);
    }
}
