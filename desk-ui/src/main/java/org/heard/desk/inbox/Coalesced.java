package org.heard.desk.inbox;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * At most one refresh per interval for one open view, however many mentions arrive: the first
 * change schedules a refresh (at once, or when the interval since the last one has passed); changes
 * until it starts ride along with it. Times are {@link System#nanoTime()}-like numbers.
 */
final class Coalesced {

    private final long interval;
    private boolean pending;
    private long lastStart;
    private boolean started;

    Coalesced(Duration interval) {
        this.interval = interval.toNanos();
    }

    /** Something changed at {@code now}: the delay (ns) after which to refresh, or empty when a refresh is already due. */
    synchronized OptionalLong changed(long now) {
        if (pending) {
            return OptionalLong.empty();
        }
        pending = true;
        return OptionalLong.of(started ? Math.max(0, lastStart + interval - now) : 0);
    }

    /** The refresh starts at {@code now}: later changes need a refresh of their own. */
    synchronized void starting(long now) {
        pending = false;
        started = true;
        lastStart = now;
    }
}
