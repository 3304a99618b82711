package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Instant;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;
import org.heard.ingest.channel.Staleness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One X account's health, fetching and sending apart. A change for the worse is logged once, at
 * ERROR for refused credentials (an alert: nobody hears patients until someone renews them), not
 * on every poll. A polled account with no successful fetch for longer than its {@link Staleness}
 * allows is STALE, unless X told us why (refused credentials, a rate limit with a known reset).
 */
final class AccountHealth implements ChannelConnector {

    private static final Logger log = LoggerFactory.getLogger(AccountHealth.class);

    private final String account;
    private final Staleness staleness;
    private final Instant tokenExpiresAt;
    private final Clock clock;
    private final Instant startedAt;
    private ChannelState inbound;
    private ChannelState outbound;
    private String inboundDetail;
    private String outboundDetail;
    private Instant lastSuccessfulFetch;
    private Instant rateLimitedUntil;
    private boolean reportedStale;

    /** An account that is not polled (not configured, switched off): never stale. */
    AccountHealth(String account, ChannelState initial, String detail) {
        this(account, initial, detail, null, null, Clock.systemUTC());
    }

    /**
     * @param staleness when a polled account counts as stale; null for one that is not polled
     * @param tokenExpiresAt when its credentials expire, if configured
     */
    AccountHealth(
            String account,
            ChannelState initial,
            String detail,
            Staleness staleness,
            Instant tokenExpiresAt,
            Clock clock) {
        this.account = account;
        this.inbound = initial;
        this.outbound = initial;
        this.inboundDetail = detail;
        this.outboundDetail = null;
        this.staleness = staleness;
        this.tokenExpiresAt = tokenExpiresAt;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public synchronized ChannelStatus status() {
        var state = inbound;
        var detail = inboundDetail;
        var now = clock.instant();
        var waitingForReset =
                state == ChannelState.RATE_LIMITED && rateLimitedUntil != null && now.isBefore(rateLimitedUntil);
        if (staleness != null && state != ChannelState.AUTH_FAILED && !waitingForReset) {
            var stale =
                    staleness.check("mentions, searches and DMs of " + account, lastSuccessfulFetch, startedAt, now);
            if (stale.isPresent()) {
                state = ChannelState.STALE;
                detail = stale.get() + (inboundDetail == null ? "" : "; last problem: " + inboundDetail);
            }
            if (stale.isPresent() != reportedStale) {
                reportedStale = stale.isPresent();
                if (reportedStale) {
                    report("Fetching", ChannelState.STALE, detail);
                }
            }
        }
        if (outboundDetail != null && outbound != ChannelState.HEALTHY) {
            detail = detail == null ? "Sending: " + outboundDetail : detail + "; sending: " + outboundDetail;
        }
        return new ChannelStatus(
                Channel.TWITTER,
                account,
                state,
                outbound,
                detail,
                lastSuccessfulFetch,
                state == ChannelState.RATE_LIMITED ? rateLimitedUntil : null,
                tokenExpiresAt);
    }

    synchronized void fetched(Instant at) {
        lastSuccessfulFetch = at;
        inbound(ChannelState.HEALTHY, null);
    }

    /** Some streams fetched, others did not: the state stays what the failing ones say. */
    synchronized void fetchedPartly(Instant at) {
        lastSuccessfulFetch = at;
    }

    synchronized void inbound(ChannelState state, String detail) {
        inbound(state, detail, null);
    }

    /** @param until when X lets the stream fetch again (a rate limit's reset); null otherwise */
    synchronized void inbound(ChannelState state, String detail, Instant until) {
        if (state != inbound) {
            report("Fetching", state, detail);
        }
        inbound = state;
        inboundDetail = detail;
        rateLimitedUntil = state == ChannelState.RATE_LIMITED ? until : null;
    }

    synchronized void outbound(ChannelState state, String detail) {
        if (state != outbound) {
            report("Sending", state, detail);
        }
        outbound = state;
        outboundDetail = detail;
    }

    private void report(String what, ChannelState state, String detail) {
        var message = "X account {}: {} is now {}{}";
        var suffix = detail == null ? "" : " (" + detail + ")";
        switch (state) {
            case AUTH_FAILED -> log.error(message, account, what, state, suffix);
            case FAILING, RATE_LIMITED, STALE -> log.warn(message, account, what, state, suffix);
            default -> log.info(message, account, what, state, suffix);
        }
    }
}
