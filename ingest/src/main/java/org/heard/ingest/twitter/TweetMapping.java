package org.heard.ingest.twitter;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.ingest.twitter.ConversationMemory.ReplyTarget;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.XApi.DirectMessage;
import org.heard.ingest.twitter.XApi.Tweet;

/**
 * What a tweet or a direct message becomes for the desk: a mention in the conversation it belongs
 * to, or nothing (our own post, one taken in already), or a reason it cannot be taken in. It
 * remembers each mention's conversation and reply target in the {@link ConversationMemory}.
 */
final class TweetMapping {

    /** Ids recently taken in: a tweet that is both a mention and a search hit becomes one mention. */
    private static final int RECENT_IDS = 20_000;

    private final Account account;
    private final ConversationMemory memory;
    private final Clock clock;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_IDS;
        }
    };

    TweetMapping(Account account, ConversationMemory memory, Clock clock) {
        this.account = account;
        this.memory = memory;
        this.clock = clock;
    }

    /** What one fetched item came to. */
    sealed interface Mapped {
        record Mention(MentionReceived mention) implements Mapped {}

        /** Not taken in, on purpose. */
        record Skipped(String why) implements Mapped {}

        /** Cannot be taken in: {@code raw} goes to the dead letters. */
        record Refused(String reason, String raw) implements Mapped {}
    }

    Mapped tweet(Tweet tweet, String stream) {
        if (account.userId().equals(tweet.authorId())) {
            return new Mapped.Skipped(
                    "our own post"); // our replies come back in searches and threads: never a new case
        }
        if (!isTweetId(tweet.id())) {
            return new Mapped.Refused("A tweet without a usable id", tweet.raw());
        }
        if (recent.containsKey(tweet.id())) {
            return new Mapped.Skipped("taken in already from another stream");
        }
        var root = conversationOf(tweet);
        var mentionId = MentionId.of(Channel.TWITTER, tweet.id());
        var target = tweet.retweetOfId() != null ? tweet.retweetOfId() : tweet.id();
        memory.remember(mentionId, new ReplyTarget(account.handle(), target, tweet.authorId(), root, false));
        Set<MentionFlag> flags = tweet.retweetOfId() == null ? Set.of() : EnumSet.of(MentionFlag.REPOST);
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("x.stream", stream);
        attributes.put("x.conversationRoot", root);
        if (tweet.authorHandle() != null) {
            attributes.put("x.url", "https://x.com/" + tweet.authorHandle() + "/status/" + tweet.id());
        }
        if (tweet.retweetOfId() != null) {
            attributes.put("x.retweetOf", tweet.retweetOfId());
        }
        return new Mapped.Mention(new MentionReceived(
                mentionId,
                Channel.TWITTER,
                account.handle(),
                tweet.id(),
                ConversationId.startedBy(Channel.TWITTER, root),
                tweet.inReplyToTweetId(),
                new Author(
                        tweet.authorId(),
                        tweet.authorHandle() == null ? null : "@" + tweet.authorHandle(),
                        tweet.authorName()),
                null,
                plainText(tweet.text()),
                tweet.createdAt(),
                clock.instant(),
                List.of(),
                flags,
                attributes));
    }

    Mapped directMessage(DirectMessage message) {
        if (account.userId().equals(message.senderId())) {
            return new Mapped.Skipped("what we sent ourselves");
        }
        var externalId = "dm:" + message.id();
        var root = "dm:"
                + (message.conversationKey() != null
                        ? message.conversationKey()
                        : dmConversationKey(message.senderId()));
        var mentionId = MentionId.of(Channel.TWITTER, externalId);
        memory.remember(mentionId, new ReplyTarget(account.handle(), null, message.senderId(), root, true));
        return new Mapped.Mention(new MentionReceived(
                mentionId,
                Channel.TWITTER,
                account.handle(),
                externalId,
                ConversationId.startedBy(Channel.TWITTER, root),
                null,
                new Author(message.senderId(), null, null),
                null,
                plainText(message.text()),
                message.createdAt(),
                clock.instant(),
                List.of(),
                EnumSet.of(MentionFlag.DIRECT_MESSAGE),
                Map.of("x.stream", "dm", "x.conversationRoot", root)));
    }

    /** Kafka has these: a tweet met again in another stream of the same poll is the same mention. */
    void takenIn(List<?> items) {
        for (var item : items) {
            if (item instanceof Tweet tweet) {
                recent.put(tweet.id(), Boolean.TRUE);
            }
        }
    }

    /** X's one-to-one dm_conversation_id: both user ids, the smaller first. */
    String dmConversationKey(String otherUserId) {
        return compareIds(account.userId(), otherUserId) < 0
                ? account.userId() + "-" + otherUserId
                : otherUserId + "-" + account.userId();
    }

    /**
     * A tweet joins a conversation we know (its v2 conversation root, or the tweet it answers);
     * otherwise it starts its own. X's conversation_id alone is not enough: a patient answering in a
     * stranger's thread would be lumped with everyone else in that thread.
     */
    private String conversationOf(Tweet tweet) {
        if (tweet.retweetOfId() != null) {
            return memory.rootOf(tweet.retweetOfId()).orElse(tweet.retweetOfId());
        }
        if (tweet.conversationId() != null && !tweet.conversationId().equals(tweet.id())) {
            var known = memory.rootOf(tweet.conversationId());
            if (known.isPresent()) {
                return known.get();
            }
        }
        return memory.rootOf(tweet.inReplyToTweetId()).orElse(tweet.id());
    }

    /** X escapes &amp;, &lt; and &gt; in tweet text; staff read the plain text. */
    static String plainText(String text) {
        return text == null
                ? ""
                : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static boolean isTweetId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 20 && id.chars().allMatch(Character::isDigit);
    }

    /** Tweet and DM event ids are decimal strings; compares them as numbers without parsing them. */
    static int compareIds(String left, String right) {
        var l = withoutLeadingZeros(left);
        var r = withoutLeadingZeros(right);
        return l.length() != r.length() ? Integer.compare(l.length(), r.length()) : l.compareTo(r);
    }

    private static String withoutLeadingZeros(String id) {
        int start = 0;
        while (start < id.length() - 1 && id.charAt(start) == '0') {
            start++;
        }
        return start == 0 ? id : id.substring(start);
    }
}
