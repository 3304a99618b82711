package org.heard.ingest.twitter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * What the channel must remember between fetches and restarts, kept in the durable checkpoint
 * store under {@code twitter:mention:<mention id>}, one write per tweet or DM taken in and per reply
 * posted: what a reply to it must answer (the tweet, or the DM sender), and the conversation it
 * belongs to, so a later tweet answering it joins that conversation (v1.1 cannot tell us).
 */
final class ConversationMemory {

    private final CheckpointStore store;

    ConversationMemory(CheckpointStore store) {
        this.store = store;
    }

    /** The conversation root of a tweet Heard took in or posted, if it did. */
    Optional<String> rootOf(String tweetId) {
        return tweetId == null || tweetId.isBlank()
                ? Optional.empty()
                : replyTarget(MentionId.of(Channel.TWITTER, tweetId)).map(ReplyTarget::conversationRoot);
    }

    Optional<ReplyTarget> replyTarget(MentionId mention) {
        return store.read(key(mention))
                .map(json -> DeskJson.read(json.getBytes(StandardCharsets.UTF_8), ReplyTarget.class));
    }

    void remember(MentionId mention, ReplyTarget target) {
        store.write(key(mention), DeskJson.writeString(target));
    }

    /** One of our own posts: a patient's answer to it joins the conversation it was posted in. */
    void rememberOurs(String account, String userId, String tweetId, String conversationRoot) {
        remember(MentionId.of(Channel.TWITTER, tweetId), new ReplyTarget(account, tweetId, userId, conversationRoot, false));
    }

    private static String key(MentionId mention) {
        return "twitter:mention:" + mention.value();
    }

    /**
     * What a reply to one mention must answer.
     *
     * @param account the handle that received it, and so answers it
     * @param tweetId the tweet to reply to (null for a DM)
     * @param authorId the patient's X user id (the DM recipient)
     * @param conversationRoot the root of the conversation the mention joined
     * @param directMessage whether the patient wrote privately
     */
    record ReplyTarget(String account, String tweetId, String authorId, String conversationRoot, boolean directMessage) {}
}
