package org.heard.ingest.channel;

import java.time.Instant;
import org.heard.contracts.Channel;

/**
 * One channel account's health, inbound (fetching) and outbound (sending) separately, as the
 * health endpoint and the desk show it.
 *
 * @param detail what an operator should know or do, e.g. "token revoked: renew heard.channel.twitter..."
 * @param lastSuccessfulFetch null until the first successful fetch
 * @param rateLimitedUntil when the provider lets us fetch again; null unless rate-limited
 * @param tokenExpiresAt when the configured credentials expire, if an operator said so; null when unknown
 */
public record ChannelStatus(
        Channel channel,
        String account,
        ChannelState inbound,
        ChannelState outbound,
        String detail,
        Instant lastSuccessfulFetch,
        Instant rateLimitedUntil,
        Instant tokenExpiresAt) {

    public ChannelStatus(
            Channel channel,
            String account,
            ChannelState inbound,
            ChannelState outbound,
            String detail,
            Instant lastSuccessfulFetch) {
        this(channel, account, inbound, outbound, detail, lastSuccessfulFetch, null, null);
    }
}
