package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelState;
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
 * restart neither misses nor repeats. A stream X asks to wait (rate limit, failures) waits alone
 * ({@link StreamBackoff}); what each item becomes is {@link TweetMapping}'s.
 */
final class TweetIntake {

    private static final int BATCH = 100;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    /** The longest a stream waits between tries while X keeps failing (5xx, timeouts). */
    static final Duration MAX_BACKOFF = StreamBackoff.MAX_BACKOFF;

    private final Account account;
    private final XApi api;
    private final EventPublisher publisher;
    private final CheckpointStore checkpoints;
    private final ConversationMemory memory;
    private final TweetMapping mapping;
    private final StreamBackoff backoff;
    private final AccountHealth health;
    private final Duration backfillMaxAge;
    private final Clock clock;

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
        this.mapping = new TweetMapping(account, memory, clock);
        this.backoff = new StreamBackoff(pollInterval, clock);
        this.health = health;
        this.backfillMaxAge = backfillMaxAge;
        this.clock = clock;
    }

    /** One round over every stream of the account; never throws for anything X or Kafka does. */
    synchronized void poll() {
        var outcomes = new ArrayList<StreamOutcome>();
        outcomes.add(pollStream(
                "mentions", api::mentions, Tweet::id, Tweet::createdAt, tweet -> mapping.tweet(tweet, "mentions")));
        for (var query : account.searches()) {
            var stream = "search:" + query;
            outcomes.add(pollStream(
                    stream,
                    (since, notBefore, token) -> api.search(query, since, notBefore, token),
                    Tweet::id,
                    Tweet::createdAt,
                    tweet -> mapping.tweet(tweet, stream)));
        }
        if (account.directMessages()) {
            // X offers no since_id for DMs: page back from the newest until the checkpoint (or the backfill age).
            outcomes.add(pollStream(
                    "dm",
                    (since, notBefore, token) -> api.directMessages(token),
                    DirectMessage::id,
                    DirectMessage::createdAt,
                    mapping::directMessage));
        }
        report(outcomes);
    }

    private void report(List<StreamOutcome> outcomes) {
        var worst = outcomes.stream()
                .filter(outcome -> outcome.state() != ChannelState.HEALTHY)
                .min(Comparator.comparingInt(outcome -> severity(outcome.state())));
        if (worst.isPresent()) {
            health.inbound(
                    worst.get().state(), worst.get().detail(), worst.get().until());
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
            Function<T, TweetMapping.Mapped> map) {
        var waiting = backoff.waiting(stream);
        if (waiting.isPresent()) {
            return new StreamOutcome(
                    waiting.get().state(), waiting.get().detail(), waiting.get().until());
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
                        ? TweetMapping.compareIds(idOf.apply(item), since) <= 0
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
                var wait = backoff.rateLimited(stream, rateLimit.reset());
                if (!complete) {
                    return new StreamOutcome(wait.state(), wait.detail(), wait.until());
                }
            }
        } while (!complete);
        items.sort(Comparator.comparing(idOf, TweetMapping::compareIds));
        return switch (publish(stream, key, problems, items, idOf, map)) {
            case Published.All all -> succeeded(stream);
            case Published.StoppedAt stopped -> stopped.outcome();
        };
    }

    private static boolean olderThan(Instant time, Instant notBefore) {
        return time != null && time.isBefore(notBefore);
    }

    /** Whether a window's items all reached Kafka. */
    private sealed interface Published {
        record All() implements Published {}

        /** Kafka (or the conversation memory) failed: the position stays where the last acknowledged batch left it. */
        record StoppedAt(StreamOutcome outcome) implements Published {}
    }

    /**
     * Publishes the problems, then the items in id order in batches; after each acknowledged batch the
     * checkpoint moves to its last id.
     */
    private <T> Published publish(
            String stream,
            String key,
            List<Problem> problems,
            List<T> items,
            Function<T, String> idOf,
            Function<T, TweetMapping.Mapped> map) {
        var pending = new ArrayList<CompletableFuture<Void>>();
        for (var problem : problems) {
            pending.add(publisher.publish(
                    Topics.DEAD_LETTERS, deadLetter(stream, problem.reason(), problem.raw(), Map.of())));
        }
        for (int start = 0; start < items.size(); start += BATCH) {
            var batch = items.subList(start, Math.min(items.size(), start + BATCH));
            for (var item : batch) {
                TweetMapping.Mapped mapped;
                try {
                    mapped = map.apply(item);
                } catch (RuntimeException e) {
                    // A tweet that breaks the contracts (a blank id, say) is kept, not lost and not fatal.
                    mapped = new TweetMapping.Mapped.Refused(
                            "Cannot take this in: " + e.getMessage(), String.valueOf(item));
                }
                switch (mapped) {
                    case TweetMapping.Mapped.Mention(var mention) ->
                        pending.add(publisher.publish(Topics.MENTIONS, mention));
                    case TweetMapping.Mapped.Refused(var reason, var raw) ->
                        pending.add(publisher.publish(Topics.DEAD_LETTERS, deadLetter(stream, reason, raw, Map.of())));
                    case TweetMapping.Mapped.Skipped skipped -> {
                        /* on purpose: our own post, or one taken in already */
                    }
                }
            }
            var failure = awaitAll(pending);
            if (failure != null) {
                return new Published.StoppedAt(new StreamOutcome(
                        ChannelState.FAILING,
                        "Kafka did not acknowledge (" + failure + "); the " + stream
                                + " position was kept and will be fetched again"));
            }
            pending.clear();
            // The page's conversations are durable before the position moves past it: one bulk write.
            try {
                memory.flush();
            } catch (RuntimeException e) {
                return new Published.StoppedAt(new StreamOutcome(
                        ChannelState.FAILING,
                        "Cannot remember the conversations of " + stream + " (" + e.getMessage()
                                + "); the position was kept and will be fetched again"));
            }
            mapping.takenIn(batch);
            checkpoints.write(key, idOf.apply(batch.get(batch.size() - 1)));
        }
        var failure = awaitAll(pending);
        if (failure != null) {
            return new Published.StoppedAt(new StreamOutcome(
                    ChannelState.FAILING, "Kafka did not acknowledge the dead letters (" + failure + ")"));
        }
        return new Published.All();
    }

    /** Null when every future completed; else what went wrong, for the health detail. */
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

    private StreamOutcome succeeded(String stream) {
        backoff.succeeded(stream);
        return new StreamOutcome(ChannelState.HEALTHY, null);
    }

    private StreamOutcome failed(String stream, XResponse<?> response) {
        return switch (response) {
            case XResponse.RateLimited<?> limited -> {
                var wait = backoff.rateLimited(stream, limited.reset());
                yield new StreamOutcome(wait.state(), wait.detail(), wait.until());
            }
            case XResponse.AuthFailed<?> auth ->
                new StreamOutcome(
                        ChannelState.AUTH_FAILED,
                        auth.detail() + " for " + account.handle()
                                + ": renew the credentials in heard.channel.twitter.accounts");
            case XResponse.Unavailable<?> unavailable ->
                new StreamOutcome(
                        ChannelState.FAILING,
                        backoff.unavailable(stream, unavailable.detail()).detail());
            case XResponse.Refused<?> refused ->
                deadLetterOnce(
                        stream,
                        "X refused fetching " + stream + " (" + refused.status() + " " + refused.detail() + ")",
                        refused.body());
            case XResponse.Unreadable<?> unreadable ->
                deadLetterOnce(stream, "Fetching " + stream + ": " + unreadable.detail(), unreadable.body());
            case XResponse.Ok<?> ok -> succeeded(stream);
        };
    }

    /** The same refusal on every poll is one dead letter, not one a minute. */
    private StreamOutcome deadLetterOnce(String stream, String reason, String body) {
        if (backoff.isNewRefusal(stream, reason)) {
            var failure = awaitAll(List.of(publisher.publish(
                    Topics.DEAD_LETTERS,
                    deadLetter(stream, reason, body, Map.of("checkpoint", checkpointKey(stream))))));
            if (failure != null) {
                backoff.forgetRefusal(stream);
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

    /** @param until when a rate-limited stream may fetch again; null otherwise */
    private record StreamOutcome(ChannelState state, String detail, Instant until) {
        StreamOutcome(ChannelState state, String detail) {
            this(state, detail, null);
        }
    }
}
