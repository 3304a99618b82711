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
}
