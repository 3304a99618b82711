package org.heard.ingest.twitter;

import java.time.Instant;
import java.util.List;

/**
 * What Heard needs from X for one account, the same for v2 and v1.1. Every call answers with an
 * {@link XResponse} and never throws for anything X or the network does.
 */
interface XApi {

    /** Mentions of the account newer than {@code sinceId} (or, without it, since {@code notBefore}), newest first. */
    XResponse<Page<Tweet>> mentions(String sinceId, Instant notBefore, String pageToken);

    /** Recent tweets matching a search query, newest first; same paging as {@link #mentions}. */
    XResponse<Page<Tweet>> search(String query, String sinceId, Instant notBefore, String pageToken);

    /** Direct message events of the account, newest first (X offers no since_id for them). */
    XResponse<Page<DirectMessage>> directMessages(String pageToken);

    /** Posts a public reply to a tweet. */
    XResponse<Posted> reply(String inReplyToTweetId, String text);

    /** Sends a direct message to a user. */
    XResponse<Posted> directMessage(String recipientUserId, String text);

    /** The account's own recent tweets newer than {@code sinceId}: to find a reply whose outcome was unknown. */
    XResponse<List<Tweet>> ownTweetsSince(String sinceId);

    /** The recent direct messages exchanged with one user: to find a DM whose outcome was unknown. */
    XResponse<List<DirectMessage>> directMessagesWith(String participantUserId);

    /**
     * A tweet as Heard reads it, whichever API it came from.
     *
     * @param conversationId X's conversation root (v2 only; null from v1.1)
     * @param inReplyToTweetId the tweet this one answers, if any
     * @param retweetOfId the original tweet when this is a retweet
     * @param raw the tweet as X sent it, kept for dead letters
     */
    record Tweet(
            String id,
            String text,
            String authorId,
            String authorHandle,
            String authorName,
            Instant createdAt,
            String conversationId,
            String inReplyToTweetId,
            String retweetOfId,
            String raw) {}

    /** One private message event. {@code conversationKey} is X's dm_conversation_id ("smallerId-largerId"). */
    record DirectMessage(
            String id, String text, String senderId, String conversationKey, Instant createdAt, String raw) {}

    /**
     * Something in a response that could not become a tweet: a deleted or protected tweet X reports in
     * its {@code errors}, or an item of an unexpected shape.
     */
    record Problem(String reason, String raw) {}

    /** One page of an answer, newest first; {@code nextPageToken} is null on the last page. */
    record Page<T>(List<T> items, List<Problem> problems, String nextPageToken) {
        public Page {
            items = List.copyOf(items);
            problems = List.copyOf(problems);
        }
    }

    /** X accepted a post; {@code id} is the tweet id or the DM event id. */
    record Posted(String id) {}
}
