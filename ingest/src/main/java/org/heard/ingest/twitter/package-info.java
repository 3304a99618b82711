/**
 * The X/Twitter channel: mentions, configured searches and direct messages of each configured
 * account come in as {@link org.heard.contracts.MentionReceived} (checkpointed by since_id only
 * after Kafka acknowledged them), and staff replies go out as a reply to the patient's tweet, or by
 * direct message when the patient wrote one.
 *
 * <p>Two API generations sit behind one {@link org.heard.ingest.twitter.XApi}: X API v2 through a
 * small client of our own ({@code XApiV2}), and v1.1 through Twitter4J ({@code XApiV1}) for the
 * organisations that still have enterprise access. Everything above that interface (threading,
 * skipping our own posts, rate-limit backoff, dead letters, the once-only reply) is the same for both.
 */
package org.heard.ingest.twitter;
