package org.heard.ingest.email;

import java.time.Instant;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;

/** One mailbox's health, inbound (IMAP intake) and outbound (SMTP replies) apart, as the intake and sender see it. */
final class MailboxHealth implements ChannelConnector {

    private final String address;
    private volatile ChannelState inbound = ChannelState.HEALTHY;
    private volatile ChannelState outbound = ChannelState.HEALTHY;
    private volatile String inboundDetail = "starting";
    private volatile String outboundDetail = "";
    private volatile Instant lastSuccessfulFetch;

    MailboxHealth(String address) {
        this.address = address;
    }

    void fetched(Instant at) {
        inbound = ChannelState.HEALTHY;
        inboundDetail = "";
        lastSuccessfulFetch = at;
    }

    void inboundFailed(ChannelState state, String detail) {
        inbound = state;
        inboundDetail = detail;
    }

    void sent() {
        outbound = ChannelState.HEALTHY;
        outboundDetail = "";
    }

    void outboundFailed(ChannelState state, String detail) {
        outbound = state;
        outboundDetail = detail;
    }

    @Override
    public ChannelStatus status() {
        String detail = (inboundDetail.isEmpty() ? "" : "in: " + inboundDetail)
                + (!inboundDetail.isEmpty() && !outboundDetail.isEmpty() ? "; " : "")
                + (outboundDetail.isEmpty() ? "" : "out: " + outboundDetail);
        return new ChannelStatus(Channel.EMAIL, address, inbound, outbound, detail, lastSuccessfulFetch);
    }
}
