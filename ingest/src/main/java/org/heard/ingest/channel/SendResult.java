package org.heard.ingest.channel;

import java.time.Duration;
import java.time.Instant;

/** What a channel did with a reply. */
public sealed interface SendResult {

    /** Delivered; {@code externalId} is the channel's id for our message (Message-ID, tweet id). */
    record Sent(String externalId, Instant sentAt) implements SendResult {}

    /** Refused for good (bad address, duplicate post, too long): retrying will not help. */
    record Rejected(String reason) implements SendResult {}

    /** Not delivered now, may succeed later (timeout, rate limit, server down). */
    record RetryLater(Duration after, String reason) implements SendResult {}

    /**
     * The channel has no API to post: staff publish the reply themselves at {@code respondUrl}, and
     * the connector reports the outcome (sent, or failed after {@code deadline}) once it sees it.
     */
    record AwaitingPublication(String respondUrl, Instant deadline) implements SendResult {}
}
