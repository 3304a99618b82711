package org.heard.ingest.channel;

import java.time.Instant;
import org.heard.contracts.Channel;

/**
 * One channel account's health, inbound (fetching) and outbound (sending) separately, as the
 * health endpoint and the desk show it.
 *
 * @param detail what an operator should know or do, e.g. "token revoked: renew heard.channel.twitter..."
 * @param lastSuccessfulFetch null until the first successful fetch
 */
public record ChannelStatus(
        Channel channel, String account, ChannelState inbound, ChannelState outbound, String detail, Instant lastSuccessfulFetch) {}
