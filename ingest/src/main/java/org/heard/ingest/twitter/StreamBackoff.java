package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.heard.ingest.channel.ChannelState;

/**
 * When each of an account's streams may fetch again, and why not yet: a rate limit waits for its
 * reset; X failing to answer (5xx, timeouts) waits one poll interval, doubling while it keeps
 * failing, up to {@link #MAX_BACKOFF}; the same refusal seen again is known, so it is dead-lettered
 * once rather than at every poll. One stream's wait never holds up another's.
 */
final class StreamBackoff {

    /** The longest a stream waits between tries while X keeps failing. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private final Duration pollInterval;
    private final Clock clock;
    private final Map<String, Wait> waits = new HashMap<>();
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private final Map<String, String> lastRefusal = new HashMap<>();

    StreamBackoff(Duration pollInterval, Clock clock) {
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    /** Why a stream is to stay quiet now; empty when it may fetch. */
    record Wait(Instant until, ChannelState state, String detail) {}

    Optional<Wait> waiting(String stream) {
        var wait = waits.get(stream);
        if (wait != null && clock.instant().isBefore(wait.until())) {
            return Optional.of(wait);
        }
        waits.remove(stream);
        return Optional.empty();
    }

    /** X said the window is used up: wait for its reset. */
    Wait rateLimited(String stream, Instant reset) {
        var wait = new Wait(
                reset, ChannelState.RATE_LIMITED, "X rate limit reached for " + stream + "; waiting until " + reset);
        waits.put(stream, wait);
        return wait;
    }

    /** X did not answer: try again after the poll interval, doubling while it keeps failing. */
    Wait unavailable(String stream, String why) {
        int failures = failuresInARow.merge(stream, 1, Integer::sum);
        var backoff = pollInterval.multipliedBy(1L << Math.min(failures - 1, 20));
        var retryAt = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        var detail = "Fetching " + stream + ": " + why + "; " + failures
                + (failures == 1 ? " failure" : " failures in a row") + ", next try at " + retryAt;
        var wait = new Wait(retryAt, ChannelState.FAILING, detail);
        waits.put(stream, wait);
        return wait;
    }

    /** Whether this refusal is news for the stream (so worth a dead letter), remembering it. */
    boolean isNewRefusal(String stream, String reason) {
        return !reason.equals(lastRefusal.put(stream, reason));
    }

    /** The dead letter for a refusal did not get out: the next one is news again. */
    void forgetRefusal(String stream) {
        lastRefusal.remove(stream);
    }

    /** The stream fetched: whatever went wrong before is over. */
    void succeeded(String stream) {
        lastRefusal.remove(stream);
        failuresInARow.remove(stream);
    }
}
