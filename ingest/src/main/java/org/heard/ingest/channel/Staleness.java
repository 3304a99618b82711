package org.heard.ingest.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for {@link ChannelState#STALE}, shared by every polling channel: no successful fetch
 * for longer than allowed, counted from the last success or, before the first, from the start. A
 * channel that keeps failing quietly (or whose poller died) is otherwise invisible.
 *
 * @param allowed how long a channel may go without a successful fetch
 * @param setting the setting an operator changes to allow more, named in the detail
 */
public record Staleness(Duration allowed, String setting) {

    public Staleness {
        Objects.requireNonNull(allowed, "allowed");
        if (!allowed.isPositive()) {
            throw new IllegalArgumentException(setting + " must allow a positive time, was " + allowed);
        }
    }

    /** The limit as a number of poll intervals (X: {@code poll-interval × stale-after-polls}). */
    public static Staleness ofPolls(Duration pollInterval, int polls, String setting) {
        if (polls < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, was " + polls);
        }
        return new Staleness(pollInterval.multipliedBy(polls), setting);
    }

    /**
     * The detail of a stale channel, or empty while it is not stale.
     *
     * @param what what is fetched, e.g. "stories" or "mentions of @StMaryTrust"
     * @param lastSuccess the last successful fetch, null before the first
     * @param startedAt when fetching started
     */
    public Optional<String> check(String what, Instant lastSuccess, Instant startedAt, Instant now) {
        Instant since = lastSuccess == null ? startedAt : lastSuccess;
        if (Duration.between(since, now).compareTo(allowed) <= 0) {
            return Optional.empty();
        }
        String last = lastSuccess == null
                ? "no successful poll of " + what + " since start " + startedAt
                : "no successful poll of " + what + " since " + lastSuccess;
        return Optional.of(last + " (over " + setting + ")");
    }
}
