package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * How one channel account is doing, as an ingest instance saw it: sent when it changes and as a
 * heartbeat, so the desk (maybe in another process) shows every connector's state and notices when
 * the reports stop. Only the latest report per account matters: the topic is compacted by
 * {@link #key()}.
 *
 * @param account the mailbox, X handle or story-site subscription; "-" when the channel has none configured
 * @param detail what an operator should know or do, in words (a setting to change, a token to renew)
 * @param lastSuccessfulFetch null until the first successful fetch
 * @param rateLimitedUntil when the provider lets the connector fetch again; null unless rate-limited
 * @param tokenExpiresAt when the account's credentials expire, where an operator configured it; null when unknown
 * @param reportedAt when the ingest instance looked
 * @param instance which ingest instance reported it (host name and process id)
 */
public record ChannelStatusReported(
        Channel channel,
        String account,
        ConnectorState inbound,
        ConnectorState outbound,
        String detail,
        Instant lastSuccessfulFetch,
        Instant rateLimitedUntil,
        Instant tokenExpiresAt,
        Instant reportedAt,
        String instance) {

    /** A connector's state in one direction. */
    public enum ConnectorState {
        HEALTHY,
        /** Waiting for the provider's rate-limit window to reset. */
        RATE_LIMITED,
        /** Credentials refused: someone must renew them. */
        AUTH_FAILED,
        /** No successful fetch for longer than allowed. */
        STALE,
        /** Failing for another reason (server errors, timeouts); retrying. */
        FAILING,
        /** Switched off by configuration. */
        DISABLED,
        /** No credentials or server configured yet. */
        NOT_CONFIGURED
    }

    public ChannelStatusReported {
        Objects.requireNonNull(channel, "channel");
        account = account == null || account.isBlank() ? "-" : account;
        Objects.requireNonNull(inbound, "inbound");
        Objects.requireNonNull(outbound, "outbound");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Ids.requireText(instance, "instance");
    }

    /** The Kafka key: one account of one channel, whichever instance reports it. */
    @JsonIgnore
    public String key() {
        return channel.wire() + ":" + account;
    }

    /** The same report without when and by whom: what counts as a change of state. */
    @JsonIgnore
    public boolean sameStateAs(ChannelStatusReported other) {
        return other != null
                && channel == other.channel
                && account.equals(other.account)
                && inbound == other.inbound
                && outbound == other.outbound
                && Objects.equals(detail, other.detail)
                && Objects.equals(lastSuccessfulFetch, other.lastSuccessfulFetch)
                && Objects.equals(rateLimitedUntil, other.rateLimitedUntil)
                && Objects.equals(tokenExpiresAt, other.tokenExpiresAt);
    }
}
