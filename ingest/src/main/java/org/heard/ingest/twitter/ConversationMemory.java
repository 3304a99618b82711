package org.heard.ingest.twitter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * What the channel must remember between fetches and restarts, kept in the durable checkpoint
 * store under {@code twitter:mention:<mention id>}: what a reply to a tweet or DM must answer (the
 * tweet, or the DM sender), and the conversation it belongs to, so a later tweet answering it joins
 * that conversation (v1.1 cannot tell us).
 *
 * <p>The intake {@link #remember remembers} a page of tweets and {@link #flush flushes} them in one
 * bulk write before it moves its since_id, so a restart finds them (or fetches the page again);
 * a per-tweet write against Elasticsearch cost more than the rest of the intake together. Recent
 * entries are also kept in a bounded cache, so a tweet answering one in the same page finds it and
 * a busy thread does not ask the store again. Entries older than
 * {@code heard.channel.twitter.conversation-memory} are {@link #forgetOlderThan forgotten}.
 */
final class ConversationMemory {

    static final String PREFIX = "twitter:mention:";
    private static final int CACHED = 20_000;

    private final CheckpointStore store;
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final Map<String, ReplyTarget> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ReplyTarget> eldest) {
            return size() > CACHED;
        }
    };

    ConversationMemory(CheckpointStore store) {
        this.store = store;
    }

    /** The conversation root of a tweet Heard took in or posted, if it did. */
    Optional<String> rootOf(String tweetId) {
        return tweetId == null || tweetId.isBlank()
                ? Optional.empty()
                : replyTarget(MentionId.of(Channel.TWITTER, tweetId)).map(ReplyTarget::conversationRoot);
    }

    synchronized Optional<ReplyTarget> replyTarget(MentionId mention) {
        var key = key(mention);
        var cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        var stored =
                store.read(key).map(json -> DeskJson.read(json.getBytes(StandardCharsets.UTF_8), ReplyTarget.class));
        stored.ifPresent(target -> cache.put(key, target));
        return stored;
    }

    /** Remembers at once for lookups here, durably at the next {@link #flush()}. */
    synchronized void remember(MentionId mention, ReplyTarget target) {
        var key = key(mention);
        cache.put(key, target);
        pending.put(key, DeskJson.writeString(target));
    }

    /** Writes what was remembered since the last flush, in one request. Throws when the store did not take it. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        store.writeAll(Map.copyOf(pending));
        pending.clear();
    }

    /** One of our own posts, written at once: a patient's answer to it joins the conversation it was posted in. */
    synchronized void rememberOurs(String account, String userId, String tweetId, String conversationRoot) {
        remember(
                MentionId.of(Channel.TWITTER, tweetId),
                new ReplyTarget(account, tweetId, userId, conversationRoot, false));
        flush();
    }

    /** Forgets what was remembered before {@code cutoff}; returns how many entries went. */
    long forgetOlderThan(Instant cutoff) {
        return store.forgetOlderThan(PREFIX, cutoff);
    }

    private static String key(MentionId mention) {
        return PREFIX + mention.value();
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
    record ReplyTarget(
            String account, String tweetId, String authorId, String conversationRoot, boolean directMessage) {}
}
