package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.heard.contracts.Channel;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.TweetLength;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;
import org.heard.ingest.twitter.ConversationMemory.ReplyTarget;
import org.heard.platform.checkpoint.CheckpointStore;

/**
 * Sends staff replies on X: a public reply to the patient's tweet, or a direct message when the
 * patient wrote one (or staff chose to answer privately). A reply is posted once: the attempt is
 * recorded durably before posting ({@code twitter:reply:<replyId>}), and a retry whose earlier
 * outcome is unknown first looks on X for the reply before posting again.
 */
public final class TwitterReplySender implements ReplySender {

    /** X's limit for one direct message. */
    static final int DIRECT_MESSAGE_MAX = 10_000;

    static final String DUPLICATE = "X refused this as a duplicate of an earlier post: write a personal reply";

    private static final Duration UNKNOWN_OUTCOME_RETRY = Duration.ofMinutes(1);
    private static final Duration AUTH_RETRY = Duration.ofMinutes(15);
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:@\\w+\\s+)+");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Map<String, Sending> accounts;
    private final ConversationMemory memory;
    private final CheckpointStore checkpoints;
    private final Clock clock;

    /** The X API and health of one account that can send. */
    record Sending(String userId, XApi api, AccountHealth health) {}

    TwitterReplySender(Map<String, Sending> accounts, CheckpointStore checkpoints, Clock clock) {
        this.accounts = Map.copyOf(accounts);
        this.memory = new ConversationMemory(checkpoints);
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.TWITTER;
    }

    @Override
    public SendResult send(ReplyRequested reply) {
        var target = memory.replyTarget(reply.mentionId()).orElse(null);
        if (target == null) {
            return new SendResult.Rejected("Heard has no record of this X mention (" + reply.mentionId()
                    + "): it was not taken in by the X connector, so there is nothing to reply to");
        }
        var sending = accounts.get(target.account().toLowerCase(Locale.ROOT));
        if (sending == null) {
            return new SendResult.Rejected("The X account " + target.account()
                    + " is not configured for sending: set its credentials in heard.channel.twitter.accounts");
        }
        var privately = target.directMessage() || reply.privately();
        var tooLong = checkLength(reply.text(), privately);
        if (tooLong.isPresent()) {
            return new SendResult.Rejected(tooLong.get());
        }

        var attemptKey = "twitter:reply:" + reply.replyId().value();
        var previous = checkpoints.read(attemptKey).orElse("");
        if (previous.startsWith("sent:")) {
            return sentBefore(previous);
        }
        if (previous.startsWith("attempting:")) {
            // We posted before and never learnt how it went (a crash, a timeout): look before posting again.
            var found = findExisting(sending, target, reply.text(), privately);
            if (found instanceof Lookup.Unknown unknown) {
                return new SendResult.RetryLater(
                        UNKNOWN_OUTCOME_RETRY,
                        "Cannot tell yet whether X received an earlier attempt (" + unknown.detail()
                                + "); not posting twice");
            }
            if (found instanceof Lookup.Found(String externalId)) {
                return recordSent(attemptKey, externalId, target, privately, sending);
            }
        }

        checkpoints.write(attemptKey, "attempting:" + clock.instant());
        var response = privately
                ? sending.api().directMessage(target.authorId(), reply.text())
                : sending.api().reply(target.tweetId(), reply.text());
        return switch (response) {
            case XResponse.Ok<XApi.Posted> ok ->
                recordSent(attemptKey, ok.value().id(), target, privately, sending);
            case XResponse.RateLimited<XApi.Posted> limited -> {
                notSent(attemptKey);
                var wait = Duration.between(clock.instant(), limited.reset());
                sending.health()
                        .outbound(
                                ChannelState.RATE_LIMITED,
                                "X rate limit reached for posting; until " + limited.reset());
                yield new SendResult.RetryLater(
                        wait.isNegative() ? Duration.ZERO : wait,
                        "X rate limit reached; it resets at " + limited.reset());
            }
            case XResponse.AuthFailed<XApi.Posted> auth -> {
                notSent(attemptKey);
                var detail = auth.detail() + " for " + target.account()
                        + ": renew the credentials in heard.channel.twitter.accounts";
                sending.health().outbound(ChannelState.AUTH_FAILED, detail);
                yield new SendResult.RetryLater(AUTH_RETRY, detail);
            }
            case XResponse.Refused<XApi.Posted> refused -> {
                notSent(attemptKey);
                yield new SendResult.Rejected(refusal(refused, privately));
            }
            case XResponse.Unavailable<XApi.Posted> unavailable -> {
                // Outcome unknown (a timeout may still have posted): the attempt stays recorded, so
                // the retry looks for the reply first.
                sending.health().outbound(ChannelState.FAILING, unavailable.detail());
                yield new SendResult.RetryLater(UNKNOWN_OUTCOME_RETRY, unavailable.detail());
            }
            case XResponse.Unreadable<XApi.Posted> unreadable ->
                new SendResult.RetryLater(
                        UNKNOWN_OUTCOME_RETRY,
                        "X accepted the post but its answer could not be read (" + unreadable.detail()
                                + "); checking before any repost");
        };
    }

    /** Why the text cannot go out as it is, in words for the staff member; empty when it can. */
    static Optional<String> checkLength(String text, boolean privately) {
        if (privately) {
            var length = text.codePointCount(0, text.length());
            return length > DIRECT_MESSAGE_MAX
                    ? Optional.of(
                            "Too long for an X direct message: " + length + "/" + DIRECT_MESSAGE_MAX + " characters")
                    : Optional.empty();
        }
        var length = TweetLength.of(text);
        if (length.valid()) {
            return Optional.empty();
        }
        if (length.weightedLength() > length.max()) {
            return Optional.of("Too long for X: " + length.describe());
        }
        return Optional.of(
                "X would not accept this text (" + length.describe() + "): it is empty or has characters X forbids");
    }

    private static String refusal(XResponse.Refused<?> refused, boolean privately) {
        if (refused.duplicate()) {
            return DUPLICATE;
        }
        if (refused.status() == 404) {
            return privately
                    ? "X could not find the person to message (" + refused.detail() + ")"
                    : "The tweet being answered no longer exists on X (" + refused.detail() + ")";
        }
        if (refused.status() == 403 && privately) {
            return "X does not allow this direct message (" + refused.detail()
                    + "): the person may not accept messages from us; reply publicly or by another channel";
        }
        return "X refused the reply (" + refused.status() + " " + refused.detail() + ")";
    }

    private SendResult recordSent(
            String attemptKey, String externalId, ReplyTarget target, boolean privately, Sending sending) {
        var sentAt = clock.instant();
        // DM event ids and tweet ids share one number space at X; the prefix says which one this is,
        // as the intake's external ids of DMs do.
        var channelId = privately ? "dm:" + externalId : externalId;
        checkpoints.write(attemptKey, "sent:" + sentAt + " " + channelId);
        if (!privately) {
            // The patient's answer to our reply must join the same conversation.
            memory.rememberOurs(target.account(), sending.userId(), externalId, target.conversationRoot());
        }
        sending.health().outbound(ChannelState.HEALTHY, null);
        return new SendResult.Sent(channelId, sentAt);
    }

    private static SendResult sentBefore(String record) {
        // "sent:<instant> <id>": neither an instant nor an id has a space.
        var rest = record.substring("sent:".length());
        var split = rest.indexOf(' ');
        return new SendResult.Sent(rest.substring(split + 1), Instant.parse(rest.substring(0, split)));
    }

    private void notSent(String attemptKey) {
        checkpoints.write(attemptKey, "not-sent:" + clock.instant());
    }

    private sealed interface Lookup {
        record Found(String externalId) implements Lookup {}

        record Absent() implements Lookup {}

        record Unknown(String detail) implements Lookup {}
    }

    private Lookup findExisting(Sending sending, ReplyTarget target, String text, boolean privately) {
        if (privately) {
            var response = sending.api().directMessagesWith(target.authorId());
            if (!(response instanceof XResponse.Ok<List<XApi.DirectMessage>> ok)) {
                return new Lookup.Unknown(describe(response));
            }
            return ok.value().stream()
                    .filter(message -> sending.userId().equals(message.senderId()) && sameText(message.text(), text))
                    .findFirst()
                    .<Lookup>map(message -> new Lookup.Found(message.id()))
                    .orElse(new Lookup.Absent());
        }
        var response = sending.api().ownTweetsSince(target.tweetId());
        if (!(response instanceof XResponse.Ok<List<XApi.Tweet>> ok)) {
            return new Lookup.Unknown(describe(response));
        }
        return ok.value().stream()
                .filter(tweet -> target.tweetId().equals(tweet.inReplyToTweetId()) && sameText(tweet.text(), text))
                .findFirst()
                .<Lookup>map(tweet -> new Lookup.Found(tweet.id()))
                .orElse(new Lookup.Absent());
    }

    private static String describe(XResponse<?> response) {
        return switch (response) {
            case XResponse.RateLimited<?> limited -> "rate limited until " + limited.reset();
            case XResponse.AuthFailed<?> auth -> auth.detail();
            case XResponse.Refused<?> refused -> refused.status() + " " + refused.detail();
            case XResponse.Unavailable<?> unavailable -> unavailable.detail();
            case XResponse.Unreadable<?> unreadable -> unreadable.detail();
            case XResponse.Ok<?> ok -> "ok";
        };
    }

    /**
     * Whether a post on X is our text: X prefixes the @names of a thread (v1.1 auto-populated
     * metadata), shortens links to t.co and escapes &amp;, so those parts are not compared.
     */
    static boolean sameText(String posted, String ours) {
        return normalise(posted).equals(normalise(ours));
    }

    private static String normalise(String text) {
        var plain = TweetMapping.plainText(text == null ? "" : text).strip();
        plain = LEADING_MENTIONS.matcher(plain).replaceFirst("");
        plain = URL.matcher(plain).replaceAll("<url>");
        return plain.replaceAll("\\s+", " ").strip();
    }
}
