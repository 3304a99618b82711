package org.heard.ingest.twitter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.ingest.channel.CappedBody;
import org.heard.ingest.twitter.XApi.DirectMessage;
import org.heard.ingest.twitter.XApi.Page;
import org.heard.ingest.twitter.XApi.Posted;
import org.heard.ingest.twitter.XApi.Problem;
import org.heard.ingest.twitter.XApi.Tweet;
import org.heard.ingest.twitter.XResponse.RateLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * X API v2 for one account, over the JDK's HTTP client, signed with OAuth 1.0a user credentials or
 * a bearer token (an app-only bearer token reads mentions and searches but cannot post or read
 * DMs). Small on purpose: only the endpoints Heard uses, each answer turned into an {@link XResponse}.
 */
final class XApiV2 implements XApi {

    static final String TWEET_FIELDS = "created_at,author_id,conversation_id,in_reply_to_user_id,referenced_tweets";
    static final String DM_FIELDS = "id,text,event_type,dm_conversation_id,created_at,sender_id";
    private static final int PAGE_SIZE = 100;
    private static final Duration SEARCH_WINDOW = Duration.ofDays(7).minusMinutes(1);

    private final URI baseUrl;
    private final String userId;
    private final Authorizer authorizer;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    /** The Authorization header of one request. */
    @FunctionalInterface
    interface Authorizer {
        String authorization(String method, URI uri);

        static Authorizer bearer(String token) {
            return (method, uri) -> "Bearer " + token;
        }

        static Authorizer oauth1(OAuth1 oauth) {
            return (method, uri) -> oauth.authorization(method, uri, Map.of());
        }
    }

    /** The most of one answer read: a page of 100 tweets is well under 1 MB. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /** What of an answer over the cap (or a refusal) a dead letter keeps. */
    private static final int KEPT_OF_AN_OVERSIZE_ANSWER = 64 * 1024;

    XApiV2(URI baseUrl, String userId, Authorizer authorizer, HttpClient http, Duration timeout, Clock clock) {
        this.baseUrl = baseUrl;
        this.userId = userId;
        this.authorizer = authorizer;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public XResponse<Page<Tweet>> mentions(String sinceId, Instant notBefore, String pageToken) {
        var query = tweetQuery(sinceId, notBefore);
        put(query, "pagination_token", pageToken);
        return get("2/users/" + userId + "/mentions", query, this::tweetPage);
    }

    @Override
    public XResponse<Page<Tweet>> search(String search, String sinceId, Instant notBefore, String pageToken) {
        // Recent search covers the last seven days and refuses (400) a start_time before that.
        var searchable = clock.instant().minus(SEARCH_WINDOW);
        var query = tweetQuery(sinceId, notBefore != null && notBefore.isBefore(searchable) ? searchable : notBefore);
        query.put("query", search);
        put(query, "next_token", pageToken);
        return get("2/tweets/search/recent", query, this::tweetPage);
    }

    @Override
    public XResponse<Page<DirectMessage>> directMessages(String pageToken) {
        var query = directMessageQuery();
        put(query, "pagination_token", pageToken);
        return get("2/dm_events", query, this::directMessagePage);
    }

    @Override
    public XResponse<Posted> reply(String inReplyToTweetId, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("text", text);
        body.putObject("reply").put("in_reply_to_tweet_id", inReplyToTweetId);
        return post("2/tweets", body, root -> new Posted(requireText(root.path("data"), "id")));
    }

    @Override
    public XResponse<Posted> directMessage(String recipientUserId, String text) {
        ObjectNode body = json.createObjectNode();
        body.put("text", text);
        return post(
                "2/dm_conversations/with/" + recipientUserId + "/messages",
                body,
                root -> new Posted(requireText(root.path("data"), "dm_event_id")));
    }

    @Override
    public XResponse<List<Tweet>> ownTweetsSince(String sinceId) {
        var query = new LinkedHashMap<String, String>();
        query.put("since_id", sinceId);
        query.put("max_results", String.valueOf(PAGE_SIZE));
        query.put("tweet.fields", TWEET_FIELDS);
        return get(
                "2/users/" + userId + "/tweets", query, root -> tweetPage(root).items());
    }

    @Override
    public XResponse<List<DirectMessage>> directMessagesWith(String participantUserId) {
        return get(
                "2/dm_conversations/with/" + participantUserId + "/dm_events",
                directMessageQuery(),
                root -> directMessagePage(root).items());
    }

    private static Map<String, String> directMessageQuery() {
        var query = new LinkedHashMap<String, String>();
        query.put("event_types", "MessageCreate");
        query.put("dm_event.fields", DM_FIELDS);
        query.put("max_results", String.valueOf(PAGE_SIZE));
        return query;
    }

    private Map<String, String> tweetQuery(String sinceId, Instant notBefore) {
        var query = new LinkedHashMap<String, String>();
        if (sinceId != null) {
            query.put("since_id", sinceId);
        } else if (notBefore != null) {
            query.put("start_time", notBefore.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        query.put("max_results", String.valueOf(PAGE_SIZE));
        query.put("tweet.fields", TWEET_FIELDS);
        query.put("expansions", "author_id");
        query.put("user.fields", "username,name,protected");
        return query;
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null) {
            query.put(name, value);
        }
    }

    private <T> XResponse<T> get(String path, Map<String, String> query, Function<JsonNode, T> read) {
        var queryString = query.entrySet().stream()
                // RFC 3986 encoding (%20, not +), so the OAuth signature and X read the same values
                .map(entry -> OAuth1.encode(entry.getKey()) + "=" + OAuth1.encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(baseUrl.resolve(path + (queryString.isEmpty() ? "" : "?" + queryString)))
                .GET();
        return exchange(request, read);
    }

    private <T> XResponse<T> post(String path, ObjectNode body, Function<JsonNode, T> read) {
        var request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return exchange(request, read);
    }

    private <T> XResponse<T> exchange(HttpRequest.Builder builder, Function<JsonNode, T> read) {
        HttpResponse<CappedBody> response;
        try {
            var unsigned = builder.copy().build();
            var request = builder.timeout(timeout)
                    .header("Authorization", authorizer.authorization(unsigned.method(), unsigned.uri()))
                    .header("Accept", "application/json")
                    .build();
            response = http.send(request, CappedBody.upTo(MAX_ANSWER_BYTES));
        } catch (HttpTimeoutException e) {
            return new XResponse.Unavailable<>("X did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return new XResponse.Unavailable<>("Cannot reach X: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new XResponse.Unavailable<>("Interrupted while waiting for X");
        }
        return interpret(response, read);
    }

    private <T> XResponse<T> interpret(HttpResponse<CappedBody> response, Function<JsonNode, T> read) {
        var rateLimit = rateLimit(response);
        var status = response.statusCode();
        var body = response.body().text();
        if (status == 429) {
            return new XResponse.RateLimited<>(
                    rateLimit != null ? rateLimit.reset() : clock.instant().plus(Duration.ofMinutes(15)));
        }
        if (status == 401) {
            return new XResponse.AuthFailed<>(
                    "X refused the credentials (401 " + problemDetail(body, "Unauthorized") + ")");
        }
        if (status >= 500) {
            return new XResponse.Unavailable<>("X answered " + status + " " + problemDetail(body, "server error"));
        }
        if (status >= 400) {
            return new XResponse.Refused<>(
                    status,
                    problemDetail(body, "HTTP " + status),
                    response.body().excerpt(KEPT_OF_AN_OVERSIZE_ANSWER));
        }
        if (response.body().over()) {
            return new XResponse.Unreadable<>(
                    "X's answer is over " + MAX_ANSWER_BYTES / (1024 * 1024)
                            + " MB, more than any page should be: not read (its start is kept here)",
                    response.body().excerpt(KEPT_OF_AN_OVERSIZE_ANSWER));
        }
        try {
            var root = json.readTree(body);
            if (root == null || !root.isObject()) {
                return new XResponse.Unreadable<>("X answered " + status + " without a JSON object", body);
            }
            return new XResponse.Ok<>(read.apply(root), rateLimit);
        } catch (JacksonException | UnexpectedShape e) {
            return new XResponse.Unreadable<>("X answered with JSON Heard cannot read: " + e.getMessage(), body);
        }
    }

    /** v2 errors are RFC 7807 problems ({@code title}, {@code detail}); v1-style {@code errors[].message} also occur. */
    private String problemDetail(String body, String fallback) {
        try {
            var root = json.readTree(body == null ? "" : body);
            if (root != null && root.isObject()) {
                var detail = text(root, "detail");
                if (detail != null) {
                    return detail;
                }
                var message = text(root.path("errors").path(0), "message");
                if (message != null) {
                    return message;
                }
                var title = text(root, "title");
                if (title != null) {
                    return title;
                }
            }
        } catch (JacksonException e) {
            // not JSON: the fallback says enough
        }
        return fallback;
    }

    private RateLimit rateLimit(HttpResponse<?> response) {
        var headers = response.headers();
        var limit = headers.firstValue("x-rate-limit-limit");
        var remaining = headers.firstValue("x-rate-limit-remaining");
        var reset = headers.firstValue("x-rate-limit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) {
            return null;
        }
        try {
            return new RateLimit(
                    Integer.parseInt(limit.orElse("0").strip()),
                    Integer.parseInt(remaining.get().strip()),
                    Instant.ofEpochSecond(Long.parseLong(reset.get().strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Page<Tweet> tweetPage(JsonNode root) {
        var users = new HashMap<String, JsonNode>();
        for (var user : root.path("includes").path("users").values()) {
            var id = text(user, "id");
            if (id != null) {
                users.put(id, user);
            }
        }
        var tweets = new ArrayList<Tweet>();
        var problems = new ArrayList<Problem>();
        for (var item : data(root)) {
            try {
                tweets.add(tweet(item, users));
            } catch (UnexpectedShape e) {
                problems.add(new Problem("A tweet X sent has an unexpected shape: " + e.getMessage(), item.toString()));
            }
        }
        addErrors(root, problems);
        return new Page<>(tweets, problems, text(root.path("meta"), "next_token"));
    }

    private Tweet tweet(JsonNode item, Map<String, JsonNode> users) {
        var id = requireText(item, "id");
        var text = requireText(item, "text");
        var authorId = text(item, "author_id");
        var author = authorId == null ? null : users.get(authorId);
        String inReplyTo = null;
        String retweetOf = null;
        for (var reference : item.path("referenced_tweets").values()) {
            var type = text(reference, "type");
            if ("replied_to".equals(type)) {
                inReplyTo = text(reference, "id");
            } else if ("retweeted".equals(type)) {
                retweetOf = text(reference, "id");
            }
        }
        return new Tweet(
                id,
                text,
                authorId,
                author == null ? null : text(author, "username"),
                author == null ? null : text(author, "name"),
                instant(item, "created_at"),
                text(item, "conversation_id"),
                inReplyTo,
                retweetOf,
                item.toString());
    }

    private Page<DirectMessage> directMessagePage(JsonNode root) {
        var messages = new ArrayList<DirectMessage>();
        var problems = new ArrayList<Problem>();
        for (var item : data(root)) {
            if (!"MessageCreate".equals(text(item, "event_type"))) {
                continue; // joins and leaves of group DMs are not messages
            }
            try {
                messages.add(new DirectMessage(
                        requireText(item, "id"),
                        requireText(item, "text"),
                        requireText(item, "sender_id"),
                        text(item, "dm_conversation_id"),
                        instant(item, "created_at"),
                        item.toString()));
            } catch (UnexpectedShape e) {
                problems.add(new Problem(
                        "A direct message X sent has an unexpected shape: " + e.getMessage(), item.toString()));
            }
        }
        addErrors(root, problems);
        return new Page<>(messages, problems, text(root.path("meta"), "next_token"));
    }

    /** The items of an answer; none when X found nothing (it then leaves {@code data} out). */
    private static Collection<JsonNode> data(JsonNode root) {
        var data = root.path("data");
        if (!data.isMissingNode() && !data.isArray()) {
            throw new UnexpectedShape("'data' is not an array");
        }
        return data.values();
    }

    /** v2 reports deleted tweets, protected accounts and the like in {@code errors} next to the data. */
    private static void addErrors(JsonNode root, List<Problem> problems) {
        for (var error : root.path("errors").values()) {
            var title = text(error, "title");
            var detail = text(error, "detail");
            problems.add(new Problem(
                    "X reported: " + (title == null ? "an error" : title) + (detail == null ? "" : ": " + detail),
                    error.toString()));
        }
    }

    private static Instant instant(JsonNode node, String field) {
        var value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnexpectedShape("'" + field + "' is not a time: " + value);
        }
    }

    static String text(JsonNode node, String field) {
        var value = node == null ? null : node.get(field);
        return value != null && value.isString() && !value.stringValue().isEmpty() ? value.stringValue() : null;
    }

    private static String requireText(JsonNode node, String field) {
        var value = text(node, field);
        if (value == null) {
            throw new UnexpectedShape("'" + field + "' is missing");
        }
        return value;
    }

    /** The JSON is well-formed but not what the API documents. */
    static final class UnexpectedShape extends RuntimeException {
        UnexpectedShape(String message) {
            super(message);
        }
    }
}
