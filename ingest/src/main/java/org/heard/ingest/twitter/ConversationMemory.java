package org.heard.ingest.twitter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * What the channel must remember between fetches and restarts, kept in the durable checkpoint
 * store: which conversation a tweet belongs to (so a reply to it joins that conversation, which
 * v1.1 cannot tell us), and for each mention what a reply must answer (the tweet, or the DM sender).
 */
final class ConversationMemory {

    private final CheckpointStore store;

    ConversationMemory(CheckpointStore store) {
        this.store = store;
    }

    Optional<String> rootOf(String tweetId) {
        return tweetId == null ? Optional.empty() : store.read("twitter:conversation:" + tweetId);
    }

    void remember(String tweetId, String root) {
        store.write("twitter:conversation:" + tweetId, root);
    }

    Optional<ReplyTarget> replyTarget(MentionId mention) {
        return store.read("twitter:mention:" + mention.value()).map(json -> DeskJson.read(json.getBytes(StandardCharsets.UTF_8), ReplyTarget.class));
    }

    void rememberTarget(MentionId mention, ReplyTarget target) {
        store.write("twitter:mention:" + mention.value(), DeskJson.writeString(target));
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
