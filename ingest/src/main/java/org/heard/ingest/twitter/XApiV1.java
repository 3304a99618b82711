package org.heard.ingest.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.heard.ingest.twitter.TwitterChannel.Credentials;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.XApi.DirectMessage;
import org.heard.ingest.twitter.XApi.Page;
import org.heard.ingest.twitter.XApi.Posted;
import org.heard.ingest.twitter.XApi.Tweet;
import org.heard.ingest.twitter.XResponse.RateLimit;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterObjectFactory;
import twitter4j.TwitterResponse;
import twitter4j.v1.Paging;
import twitter4j.v1.Query;
import twitter4j.v1.Status;
import twitter4j.v1.StatusUpdate;
import twitter4j.v1.TwitterV1;

/**
 * X API v1.1 for one account, through Twitter4J with OAuth 1.0a user credentials (enterprise
 * access). v1.1 pages backwards with max_id, so a page token here is the max_id of the next page.
 */
final class XApiV1 implements XApi {

    /** v1.1's answer to a status that repeats an earlier one. */
    static final int DUPLICATE_STATUS = 187;

    private static final int MENTIONS_PAGE = 200;
    private static final int SEARCH_PAGE = 100;
    private static final int DM_PAGE = 50;

    private final String userId;
    private final TwitterV1 twitter;
    private final Clock clock;

    XApiV1(Account account, Credentials credentials, Duration timeout, Clock clock) {
        this.userId = account.userId();
        this.clock = clock;
        var properties = new Properties();
        // Twitter4J wants the base URL with its trailing slash; the settings guarantee one.
        properties.setProperty("restBaseURL", account.baseUrl().toString());
        properties.setProperty("oauth.consumerKey", credentials.consumerKey());
        properties.setProperty("oauth.consumerSecret", credentials.consumerSecret());
        properties.setProperty("oauth.accessToken", credentials.accessToken());
        properties.setProperty("oauth.accessTokenSecret", credentials.accessTokenSecret());
        properties.setProperty("http.connectionTimeout", String.valueOf(timeout.toMillis()));
        properties.setProperty("http.readTimeout", String.valueOf(timeout.toMillis()));
        // Retries are ours (with rate-limit backoff and the once-only reply), not Twitter4J's.
        properties.setProperty("http.retryCount", "0");
        properties.setProperty("tweetModeExtended", "true");
        properties.setProperty("jsonStoreEnabled", "true");
        properties.setProperty("mbeanEnabled", "false");
        this.twitter = Twitter.newBuilder().load(properties).build().v1();
    }

    @Override
    public XResponse<Page<Tweet>> mentions(String sinceId, Instant notBefore, String pageToken) {
        return call(() -> {
            var paging = Paging.ofCount(MENTIONS_PAGE);
            if (sinceId != null) {
                paging = paging.sinceId(Long.parseLong(sinceId));
            }
            if (pageToken != null) {
                paging = paging.maxId(Long.parseLong(pageToken));
            }
            var statuses = twitter.timelines().getMentionsTimeline(paging);
            return new Result<>(page(statuses, MENTIONS_PAGE), statuses);
        });
    }

    @Override
    public XResponse<Page<Tweet>> search(String search, String sinceId, Instant notBefore, String pageToken) {
        return call(() -> {
            var query = Query.of(search).count(SEARCH_PAGE).resultType(Query.RECENT);
            if (sinceId != null) {
                query = query.sinceId(Long.parseLong(sinceId));
            }
            if (pageToken != null) {
                query = query.maxId(Long.parseLong(pageToken));
            }
            var result = twitter.search().search(query);
            return new Result<>(page(result.getTweets(), SEARCH_PAGE), result);
        });
    }

    @Override
    public XResponse<Page<DirectMessage>> directMessages(String pageToken) {
        return call(() -> {
            var list = pageToken == null
                    ? twitter.directMessages().getDirectMessages(DM_PAGE)
                    : twitter.directMessages().getDirectMessages(DM_PAGE, pageToken);
            var messages = new ArrayList<DirectMessage>();
            for (var message : list) {
                messages.add(directMessage(message));
            }
            var next = list.getNextCursor();
            return new Result<>(new Page<>(messages, List.of(), next == null || next.isBlank() ? null : next), list);
        });
    }

    @Override
    public XResponse<Posted> reply(String inReplyToTweetId, String text) {
        return call(() -> {
            var status = twitter.tweets()
                    .updateStatus(StatusUpdate.of(text)
                            .inReplyToStatusId(Long.parseLong(inReplyToTweetId))
                            .autoPopulateReplyMetadata(true));
            return new Result<>(new Posted(Long.toString(status.getId())), status);
        });
    }

    @Override
    public XResponse<Posted> directMessage(String recipientUserId, String text) {
        return call(() -> {
            var message = twitter.directMessages().sendDirectMessage(Long.parseLong(recipientUserId), text);
            return new Result<>(new Posted(Long.toString(message.getId())), message);
        });
    }

    @Override
    public XResponse<List<Tweet>> ownTweetsSince(String sinceId) {
        return call(() -> {
            var statuses = twitter.timelines()
                    .getUserTimeline(
                            Long.parseLong(userId),
                            Paging.ofCount(MENTIONS_PAGE).sinceId(Long.parseLong(sinceId)));
            return new Result<>(page(statuses, MENTIONS_PAGE).items(), statuses);
        });
    }

    @Override
    public XResponse<List<DirectMessage>> directMessagesWith(String participantUserId) {
        // v1.1 has no per-conversation list: read the recent events and keep this participant's.
        return call(() -> {
            var list = twitter.directMessages().getDirectMessages(DM_PAGE);
            var messages = new ArrayList<DirectMessage>();
            for (var message : list) {
                if (participantUserId.equals(Long.toString(message.getSenderId()))
                        || participantUserId.equals(Long.toString(message.getRecipientId()))) {
                    messages.add(directMessage(message));
                }
            }
            return new Result<List<DirectMessage>>(messages, list);
        });
    }

    private Page<Tweet> page(List<Status> statuses, int pageSize) {
        var tweets = new ArrayList<Tweet>();
        long oldest = Long.MAX_VALUE;
        for (var status : statuses) {
            tweets.add(tweet(status));
            oldest = Math.min(oldest, status.getId());
        }
        // A full page may have older tweets behind it; v1.1 pages backwards by max_id.
        var next = statuses.size() >= pageSize && oldest > 1 ? Long.toString(oldest - 1) : null;
        return new Page<>(tweets, List.of(), next);
    }

    private static Tweet tweet(Status status) {
        var retweeted = status.getRetweetedStatus();
        var user = status.getUser();
        return new Tweet(
                Long.toString(status.getId()),
                status.getText(),
                user == null ? null : Long.toString(user.getId()),
                user == null ? null : user.getScreenName(),
                user == null ? null : user.getName(),
                instant(status.getCreatedAt()),
                null,
                status.getInReplyToStatusId() > 0 ? Long.toString(status.getInReplyToStatusId()) : null,
                retweeted == null ? null : Long.toString(retweeted.getId()),
                raw(status));
    }

    private DirectMessage directMessage(twitter4j.v1.DirectMessage message) {
        var sender = Long.toString(message.getSenderId());
        var recipient = Long.toString(message.getRecipientId());
        var other = sender.equals(userId) ? recipient : sender;
        var key = TweetMapping.compareIds(userId, other) < 0 ? userId + "-" + other : other + "-" + userId;
        return new DirectMessage(
                Long.toString(message.getId()),
                message.getText(),
                sender,
                key,
                instant(message.getCreatedAt()),
                raw(message));
    }

    /** Twitter4J gives times as LocalDateTime in the offset X wrote, which is always UTC. */
    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private static String raw(Object parsed) {
        var json = TwitterObjectFactory.getRawJSON(parsed);
        return json != null ? json : String.valueOf(parsed);
    }

    private record Result<T>(T value, Object response) {}

    @FunctionalInterface
    private interface Call<T> {
        Result<T> run() throws TwitterException;
    }

    private <T> XResponse<T> call(Call<T> call) {
        try {
            var result = call.run();
            return new XResponse.Ok<>(
                    result.value(),
                    result.response() instanceof TwitterResponse response
                            ? rateLimit(response.getRateLimitStatus())
                            : null);
        } catch (TwitterException e) {
            return failure(e);
        } catch (NumberFormatException e) {
            return new XResponse.Refused<>(400, "not an X id: " + e.getMessage(), "");
        } catch (RuntimeException e) {
            // Twitter4J throws unchecked exceptions for JSON it cannot map.
            return new XResponse.Unreadable<>("X answered with JSON Heard cannot read: " + e, "");
        }
    }

    private <T> XResponse<T> failure(TwitterException e) {
        var status = e.getStatusCode();
        if (status == 429 || e.exceededRateLimitation()) {
            var limit = rateLimit(e.getRateLimitStatus());
            return new XResponse.RateLimited<>(
                    limit != null ? limit.reset() : clock.instant().plus(Duration.ofMinutes(15)));
        }
        if (status == 401) {
            return new XResponse.AuthFailed<>("X refused the credentials (401 " + message(e) + ")");
        }
        if (status >= 500 || e.isCausedByNetworkIssue()) {
            return new XResponse.Unavailable<>(
                    status > 0 ? "X answered " + status + " " + message(e) : "Cannot reach X: " + message(e));
        }
        if (status >= 400) {
            var detail =
                    e.getErrorCode() == DUPLICATE_STATUS ? "Status is a duplicate (" + message(e) + ")" : message(e);
            return new XResponse.Refused<>(status, detail, e.getMessage());
        }
        return new XResponse.Unreadable<>(
                "X answered with something Heard cannot read: " + message(e), String.valueOf(e.getMessage()));
    }

    private static String message(TwitterException e) {
        return e.isErrorMessageAvailable()
                ? e.getErrorMessage()
                : String.valueOf(e.getCause() != null ? e.getCause() : e.getMessage());
    }

    private static RateLimit rateLimit(twitter4j.v1.RateLimitStatus status) {
        return status == null
                ? null
                : new RateLimit(
                        status.getLimit(),
                        status.getRemaining(),
                        Instant.ofEpochSecond(status.getResetTimeInSeconds()));
    }
}
