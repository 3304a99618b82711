package org.heard.ingest.twitter;

import java.time.Instant;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One X account's health, fetching and sending apart. A change for the worse is logged once, at
 * ERROR for refused credentials (an alert: nobody hears patients until someone renews them), not
 * on every poll.
 */
final class AccountHealth implements ChannelConnector {

    private static final Logger log = LoggerFactory.getLogger(AccountHealth.class);

    private final String account;
    private ChannelState inbound;
    private ChannelState outbound;
    private String inboundDetail;
    private String outboundDetail;
    private Instant lastSuccessfulFetch;

    AccountHealth(String account, ChannelState initial, String detail) {
        this.account = account;
        this.inbound = initial;
        this.outbound = initial;
        this.inboundDetail = detail;
        this.outboundDetail = null;
    }

    @Override
    public synchronized ChannelStatus status() {
        var detail = inboundDetail;
        if (outboundDetail != null && outbound != ChannelState.HEALTHY) {
            detail = detail == null ? "Sending: " + outboundDetail : detail + "; sending: " + outboundDetail;
        }
        return new ChannelStatus(Channel.TWITTER, account, inbound, outbound, detail, lastSuccessfulFetch);
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
        if (state != inbound) {
            report("Fetching", state, detail);
        }
        inbound = state;
        inboundDetail = detail;
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
