package org.heard.ingest.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps requests under the site's rate limit: starts are spaced evenly (5 per second at most), and
 * when the site says the window is used up (a 429, or {@code X-RateLimit-Remaining: 0}) nothing
 * starts before its reset. Waiting here is cheaper than a 429, which still counts against us.
 */
final class RequestPacer {

    /** How the pacer waits; a test passes one that moves its clock instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Clock clock;
    private final Duration spacing;
    private final Sleeper sleeper;
    private Instant nextStart = Instant.MIN;

    RequestPacer(Clock clock, double requestsPerSecond, Sleeper sleeper) {
        this.clock = clock;
        this.spacing = Duration.ofNanos(Math.round(1_000_000_000d / requestsPerSecond));
        this.sleeper = sleeper;
    }

    static RequestPacer realTime(Clock clock, double requestsPerSecond) {
        return new RequestPacer(clock, requestsPerSecond, duration -> Thread.sleep(duration));
    }

    /** Blocks until the next request may start, and books that start. */
    synchronized void awaitTurn() throws InterruptedException {
        Instant now = clock.instant();
        while (now.isBefore(nextStart)) {
            sleeper.sleep(Duration.between(now, nextStart));
            now = clock.instant();
        }
        nextStart = now.plus(spacing);
    }

    /** No request starts before {@code until} (a rate-limit reset, or a backoff after a failure). */
    synchronized void holdUntil(Instant until) {
        if (until.isAfter(nextStart)) {
            nextStart = until;
        }
    }

    Duration spacing() {
        return spacing;
    }
}
