package org.heard.desk.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.mentions.MentionSearch;

/** What the end-to-end benchmarks share: waiting for mentions to be tagged, and reading percentiles. */
final class TaggedLatencies {

    private TaggedLatencies() {}

    /** Waits until a mention is in the index (the warm-up: triage loads its models in the background). */
    static void awaitIndexed(MentionSearch index, String mentionId, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (index.find(mentionId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " never reached the index");
            }
            Thread.sleep(250);
        }
    }

    /**
     * For each mention, the milliseconds from {@code sentAt} until triage had tagged it (its
     * {@code triagedAt}), sorted; those not tagged within {@code timeout} are left out.
     */
    static long[] untilTagged(MentionSearch index, Map<String, Instant> sentAt, Duration timeout)
            throws InterruptedException {
        var latencies = new ArrayList<Long>();
        List<String> pending = new ArrayList<>(sentAt.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            var stillPending = new ArrayList<String>();
            for (String id : pending) {
                var found = index.find(id);
                if (found.isPresent() && found.get().triagedAt() != null) {
                    latencies.add(Duration.between(sentAt.get(id), found.get().triagedAt())
                            .toMillis());
                } else {
                    stillPending.add(id);
                }
            }
            pending = stillPending;
            if (!pending.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }
}
