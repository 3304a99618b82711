package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.twitter.ConversationMemory.ReplyTarget;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.XApi.DirectMessage;
import org.heard.ingest.twitter.XApi.Page;
import org.heard.ingest.twitter.XApi.Problem;
import org.heard.ingest.twitter.XApi.Tweet;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;

/**
 * Takes one account's mentions, searches and DMs in. Each stream keeps its since_id in the
 * checkpoint store ({@code twitter:<handle>:mentions}, {@code twitter:<handle>:search:<query>},
 * {@code twitter:<handle>:dm}) and moves it only after Kafka acknowledged everything up to it, so a
 * restart neither misses nor repeats. A stream X asks to wait (rate limit) waits alone.
 */
final class TweetIntake {

    private static final int BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    /** Ids recently taken in: a tweet that is both a mention and a search hit becomes one mention. */
    private static final int RECENT_IDS = 20_000;
    /** The longest a stream waits between tries while X keeps failing (5xx, timeouts). */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

    private final Account account;
    private final XApi api;
    private final EventPublisher publisher;
    private final CheckpointStore checkpoints;
    private final ConversationMemory memory;
    private final AccountHealth health;
    private final Duration pollInterval;
    private final Duration backfillMaxAge;
    private final Clock clock;
    /** Streams that wait: for a rate-limit reset, or backing off after X failed to answer. */
    private final Map<String, Pause> paused = new HashMap<>();
    private final Map<String, Integer> consecutiveFailures = new HashMap<>();
    private final Map<String, String> lastFailure = new HashMap<>();
    private final Map<String, Boolean> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_IDS;
        }
    };

    TweetIntake(
            Account account,
            XApi api,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            AccountHealth health,
            Duration pollInterval,
            Duration backfillMaxAge,
            Clock clock) {
        this.account = account;
        this.api = api;
        this.publisher = publisher;
        this.checkpoints = checkpoints;
        this.memory = new ConversationMemory(checkpoints);
        this.health = health;
        this.pollInterval = pollInterval;
        this.backfillMaxAge = backfillMaxAge;
        this.clock = clock;
    }

    /** One round over every stream of the account; never throws for anything X or Kafka does. */
    synchronized void poll() {
        var outcomes = new ArrayList<StreamOutcome>();
        outcomes.add(pollTweets("mentions", api::mentions));
        for (var query : account.searches()) {
            outcomes.add(pollTweets("search:" + query, (since, notBefore, token) -> api.search(query, since, notBefore, token)));
        }
        if (account.directMessages()) {
            outcomes.add(pollDirectMessages());
        }
        report(outcomes);
    }

    private void report(List<StreamOutcome> outcomes) {
        var worst = outcomes.stream()
                .filter(outcome -> outcome.state() != ChannelState.HEALTHY)
                .min(Comparator.comparingInt(outcome -> severity(outcome.state())));
        if (worst.isPresent()) {
            health.inbound(worst.get().state(), worst.get().detail(), worst.get().until());
            if (outcomes.stream().anyMatch(outcome -> outcome.state() == ChannelState.HEALTHY)) {
                health.fetchedPartly(clock.instant());
            }
        } else {
            health.fetched(clock.instant());
        }
    }

    private static int severity(ChannelState state) {
        return switch (state) {
            case AUTH_FAILED -> 0;
            case FAILING -> 1;
            case RATE_LIMITED -> 2;
            default -> 3;
        };
    }

    private StreamOutcome pollTweets(String stream, PageSource<Tweet> source) {
        return pollStream(
                stream,
                source,
                Tweet::id,
                Tweet::createdAt,
                tweet -> toMention(tweet, stream));
    }

    private StreamOutcome pollDirectMessages() {
        // X offers no since_id for DMs: page back from the newest until the checkpoint (or the backfill age).
        return pollStream(
                "dm",
                (since, notBefore, token) -> api.directMessages(token),
                DirectMessage::id,
                DirectMessage::createdAt,
                this::toMention);
    }

    /** One page of a stream: newer than {@code sinceId}, or on a first start (no since_id) not before {@code notBefore}. */
    @FunctionalInterface
    private interface PageSource<T> {
        XResponse<Page<T>> fetch(String sinceId, Instant notBefore, String pageToken);
    }

    /**
     * Fetches a stream's whole window (every page newer than its checkpoint), then takes it in oldest
     * first. A window is only ever taken in whole: the pages come newest first, so taking in a part
     * would move the checkpoint past items not yet seen. Paging stops at the first item at or behind
     * the checkpoint, or on a first start older than the backfill age (DMs and v1.1 cannot be asked
     * for "since" and "not before"; v2 tweets can, and then this never triggers).
     */
    private <T> StreamOutcome pollStream(
            String stream,
            PageSource<T> source,
            Function<T, String> idOf,
            Function<T, Instant> timeOf,
            Function<T, Object> toRecord) {
        var waiting = waiting(stream);
        if (waiting != null) {
            return waiting;
        }
        var key = checkpointKey(stream);
        var since = checkpoints.read(key).orElse(null);
        var notBefore = clock.instant().minus(backfillMaxAge);
        var items = new ArrayList<T>();
        var problems = new ArrayList<Problem>();
        String token = null;
        boolean complete;
        do {
            var response = source.fetch(since, since == null ? notBefore : null, token);
            if (!(response instanceof XResponse.Ok<Page<T>> ok)) {
                return failed(stream, response);
            }
            var page = ok.value();
            boolean reachedBehind = false;
            for (var item : page.items()) {
                var behind = since != null
                        ? compareIds(idOf.apply(item), since) <= 0
                        : olderThan(timeOf.apply(item), notBefore);
                if (behind) {
                    reachedBehind = true;
                } else {
                    items.add(item);
                }
            }
            problems.addAll(page.problems());
            token = page.nextPageToken();
            complete = token == null || reachedBehind;
            var rateLimit = ok.rateLimit();
            if (rateLimit != null && rateLimit.exhausted()) {
                paused.put(stream, new Pause(rateLimit.reset(), ChannelState.RATE_LIMITED, rateLimitDetail(stream, rateLimit.reset())));
                if (!complete) {
                    return rateLimited(stream, rateLimit.reset());
                }
            }
        } while (!complete);
        items.sort(Comparator.comparing(idOf, TweetIntake::compareIds));
        var published = publish(stream, key, problems, items, idOf, toRecord);
        return published == null ? succeeded(stream) : published;
    }

    private static boolean olderThan(Instant time, Instant notBefore) {
        return time != null && time.isBefore(notBefore);
    }

    /**
     * Publishes the problems, then the items in id order in batches; after each acknowledged batch the
     * checkpoint moves to its last id. Returns null when all went through.
     */
    private <T> StreamOutcome publish(
            String stream,
            String key,
            List<Problem> problems,
            List<T> items,
            Function<T, String> idOf,
            Function<T, Object> toRecord) {
        var pending = new ArrayList<CompletableFuture<Void>>();
        for (var problem : problems) {
            pending.add(publisher.publish(Topics.DEAD_LETTERS, deadLetter(stream, problem.reason(), problem.raw(), Map.of())));
        }
        for (int start = 0; start < items.size(); start += BATCH) {
            var batch = items.subList(start, Math.min(items.size(), start + BATCH));
            for (var item : batch) {
                Object record;
                try {
                    record = toRecord.apply(item);
                } catch (RuntimeException e) {
                    // A tweet that breaks the contracts (a blank id, say) is kept, not lost and not fatal.
                    record = deadLetter(stream, "Cannot take this in: " + e.getMessage(), String.valueOf(item), Map.of());
                }
                switch (record) {
                    case MentionReceived mention -> pending.add(publisher.publish(Topics.MENTIONS, mention));
                    case DeadLettered dead -> pending.add(publisher.publish(Topics.DEAD_LETTERS, dead));
                    case null, default -> { /* skipped on purpose: our own post, or one taken in already */ }
                }
            }
            var failure = awaitAll(pending);
            if (failure != null) {
                return new StreamOutcome(ChannelState.FAILING, "Kafka did not acknowledge (" + failure
                        + "); the " + stream + " position was kept and will be fetched again");
            }
            pending.clear();
            // The page's conversations are durable before the position moves past it: one bulk write.
            try {
                memory.flush();
            } catch (RuntimeException e) {
                return new StreamOutcome(ChannelState.FAILING, "Cannot remember the conversations of " + stream + " ("
                        + e.getMessage() + "); the position was kept and will be fetched again");
            }
            for (var item : batch) {
                if (item instanceof Tweet tweet) {
                    recent.put(tweet.id(), Boolean.TRUE);
                }
            }
            checkpoints.write(key, idOf.apply(batch.get(batch.size() - 1)));
        }
        var failure = awaitAll(pending);
        if (failure != null) {
            return new StreamOutcome(ChannelState.FAILING, "Kafka did not acknowledge the dead letters (" + failure + ")");
        }
        return null;
    }

    private static String awaitAll(List<CompletableFuture<Void>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            var cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
    }

    /** A mention, a dead letter, or null for a tweet we skip (our own, or already taken in). */
    private Object toMention(Tweet tweet, String stream) {
        if (account.userId().equals(tweet.authorId())) {
            return null; // our own replies come back in searches and threads: never a new case
        }
        if (!isTweetId(tweet.id())) {
            return deadLetter(stream, "A tweet without a usable id", tweet.raw(), Map.of());
        }
        if (recent.containsKey(tweet.id())) {
            return null;
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
        return new MentionReceived(
                mentionId,
                Channel.TWITTER,
                account.handle(),
                tweet.id(),
                ConversationId.startedBy(Channel.TWITTER, root),
                tweet.inReplyToTweetId(),
                new Author(tweet.authorId(), tweet.authorHandle() == null ? null : "@" + tweet.authorHandle(), tweet.authorName()),
                null,
                plainText(tweet.text()),
                tweet.createdAt(),
                clock.instant(),
                List.of(),
                flags,
                attributes);
    }

    private Object toMention(DirectMessage message) {
        if (account.userId().equals(message.senderId())) {
            return null; // what we sent ourselves
        }
        var externalId = "dm:" + message.id();
        var root = "dm:" + (message.conversationKey() != null ? message.conversationKey() : dmConversationKey(message.senderId()));
        var mentionId = MentionId.of(Channel.TWITTER, externalId);
        memory.remember(mentionId, new ReplyTarget(account.handle(), null, message.senderId(), root, true));
        return new MentionReceived(
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
                Map.of("x.stream", "dm", "x.conversationRoot", root));
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

    private StreamOutcome waiting(String stream) {
        var pause = paused.get(stream);
        if (pause != null && clock.instant().isBefore(pause.until())) {
            return new StreamOutcome(pause.state(), pause.detail(), pause.until());
        }
        paused.remove(stream);
        return null;
    }

    private StreamOutcome rateLimited(String stream, Instant reset) {
        var detail = rateLimitDetail(stream, reset);
        paused.put(stream, new Pause(reset, ChannelState.RATE_LIMITED, detail));
        return new StreamOutcome(ChannelState.RATE_LIMITED, detail, reset);
    }

    /** X did not answer: try again after the poll interval, doubling while it keeps failing, up to {@link #MAX_BACKOFF}. */
    private StreamOutcome unavailable(String stream, String why) {
        int failures = consecutiveFailures.merge(stream, 1, Integer::sum);
        var backoff = pollInterval.multipliedBy(1L << Math.min(failures - 1, 20));
        var retryAt = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
        var detail = "Fetching " + stream + ": " + why + "; " + failures + (failures == 1 ? " failure" : " failures in a row")
                + ", next try at " + retryAt;
        paused.put(stream, new Pause(retryAt, ChannelState.FAILING, detail));
        return new StreamOutcome(ChannelState.FAILING, detail);
    }

    private static String rateLimitDetail(String stream, Instant reset) {
        return "X rate limit reached for " + stream + "; waiting until " + reset;
    }

    private StreamOutcome succeeded(String stream) {
        lastFailure.remove(stream);
        consecutiveFailures.remove(stream);
        return new StreamOutcome(ChannelState.HEALTHY, null);
    }

    private StreamOutcome failed(String stream, XResponse<?> response) {
        return switch (response) {
            case XResponse.RateLimited<?> limited -> rateLimited(stream, limited.reset());
            case XResponse.AuthFailed<?> auth -> new StreamOutcome(
                    ChannelState.AUTH_FAILED,
                    auth.detail() + " for " + account.handle() + ": renew the credentials in heard.channel.twitter.accounts");
            case XResponse.Unavailable<?> unavailable -> unavailable(stream, unavailable.detail());
            case XResponse.Refused<?> refused -> deadLetterOnce(
                    stream, "X refused fetching " + stream + " (" + refused.status() + " " + refused.detail() + ")", refused.body());
            case XResponse.Unreadable<?> unreadable -> deadLetterOnce(
                    stream, "Fetching " + stream + ": " + unreadable.detail(), unreadable.body());
            case XResponse.Ok<?> ok -> succeeded(stream);
        };
    }

    /** The same refusal on every poll is one dead letter, not one a minute. */
    private StreamOutcome deadLetterOnce(String stream, String reason, String body) {
        if (!reason.equals(lastFailure.put(stream, reason))) {
            var failure = awaitAll(List.of(publisher.publish(
                    Topics.DEAD_LETTERS, deadLetter(stream, reason, body, Map.of("checkpoint", checkpointKey(stream))))));
            if (failure != null) {
                lastFailure.remove(stream);
            }
        }
        return new StreamOutcome(ChannelState.FAILING, reason);
    }

    private DeadLettered deadLetter(String stream, String reason, String raw, Map<String, String> context) {
        var fullContext = new LinkedHashMap<>(context);
        fullContext.put("account", account.handle());
        fullContext.put("stream", stream);
        return DeadLettered.ofText(
                "twitter-" + UUID.randomUUID(),
                "twitter:" + account.handle(),
                reason,
                raw,
                fullContext,
                clock.instant());
    }

    private String checkpointKey(String stream) {
        return "twitter:" + account.key() + ":" + stream;
    }

    /** X escapes &amp;, &lt; and &gt; in tweet text; staff read the plain text. */
    static String plainText(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
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

    /** @param until when a rate-limited stream may fetch again; null otherwise */
    private record StreamOutcome(ChannelState state, String detail, Instant until) {
        StreamOutcome(ChannelState state, String detail) {
            this(state, detail, null);
        }
    }

    private record Pause(Instant until, ChannelState state, String detail) {}
}
