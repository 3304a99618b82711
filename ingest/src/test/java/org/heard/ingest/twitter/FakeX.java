package org.heard.ingest.twitter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for X: an HTTP server on 127.0.0.1 that speaks the JSON of the v2 endpoints
 * Heard uses and of the v1.1 endpoints Twitter4J calls, with rate-limit headers, and can be told to
 * answer 429, 401, 5xx, slowly, or with JSON of a shape nobody expects.
 */
public final class FakeX implements AutoCloseable {

    public static final String BEARER = "fake-bearer-token";
    static final String CONSUMER_KEY = "fake-consumer-key";
    static final String CONSUMER_SECRET = "fake-consumer-secret";
    static final String ACCESS_TOKEN = "fake-access-token";
    static final String ACCESS_TOKEN_SECRET = "fake-access-token-secret";
    private static final DateTimeFormatter V1_TIME = DateTimeFormatter.ofPattern(
                    "EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    final String ownId;
    final String ownHandle;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);
    private final List<FakeTweet> tweets = new ArrayList<>();
    private final List<FakeDm> dms = new ArrayList<>();
    private final List<Map<String, Object>> pendingErrors = new ArrayList<>();
    private final List<String> pendingRawTweets = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private boolean credentialsRevoked;
    volatile String lastAuthorization;
    private int rateLimitRemaining = Integer.MAX_VALUE;
    private Instant rateLimitReset;

    public record FakeTweet(
            String id,
            String text,
            String authorId,
            String username,
            String name,
            Instant createdAt,
            String conversationId,
            String inReplyTo,
            String retweetOf,
            boolean mentionsUs) {}

    record FakeDm(String id, String text, String senderId, String recipientId, Instant createdAt) {}

    /** What the next matching request gets instead of the normal answer. */
    record Fault(Predicate<String> matches, int status, String body, long delayMillis, boolean applyFirst) {}

    static {
        // Headers and body go out in two writes; with Nagle on, the client's delayed ACK adds ~40 ms to every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeX(String ownId, String ownHandle, Clock clock) {
        this.ownId = ownId;
        this.ownHandle = ownHandle;
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI v2BaseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    URI v1BaseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- what is on X

    String nextId() {
        return Long.toString(ids.addAndGet(1000));
    }

    public synchronized FakeTweet mention(String fromHandle, String text) {
        return add(fromHandle, text, null, null, true, clock.instant());
    }

    synchronized FakeTweet mentionAt(String fromHandle, String text, Instant at) {
        return add(fromHandle, text, null, null, true, at);
    }

    synchronized FakeTweet replyTo(FakeTweet parent, String fromHandle, String text) {
        return add(fromHandle, text, parent, null, true, clock.instant());
    }

    /** A tweet that does not mention us but matches searches by its text. */
    synchronized FakeTweet tweet(String fromHandle, String text) {
        return add(fromHandle, text, null, null, false, clock.instant());
    }

    synchronized FakeTweet retweet(FakeTweet original, String byHandle) {
        return add(
                byHandle, "RT @" + original.username() + ": " + original.text(), null, original, true, clock.instant());
    }

    private FakeTweet add(
            String handle, String text, FakeTweet parent, FakeTweet retweetOf, boolean mentionsUs, Instant at) {
        var id = nextId();
        var authorId = handle.equals(ownHandle) ? ownId : userIdOf(handle);
        var conversation = parent != null ? parent.conversationId() : id;
        var tweet = new FakeTweet(
                id,
                text,
                authorId,
                handle,
                displayName(handle),
                at,
                conversation,
                parent == null ? null : parent.id(),
                retweetOf == null ? null : retweetOf.id(),
                mentionsUs);
        tweets.add(tweet);
        return tweet;
    }

    synchronized FakeDm directMessageFrom(String handle, String text) {
        var dm = new FakeDm(nextId(), text, userIdOf(handle), ownId, clock.instant());
        dms.add(dm);
        return dm;
    }

    static String userIdOf(String handle) {
        return Long.toString(1_000_000L + Math.abs((long) handle.hashCode() % 1_000_000L));
    }

    private static String displayName(String handle) {
        return "Name of " + handle;
    }

    synchronized List<FakeTweet> postedByUs() {
        return tweets.stream().filter(tweet -> tweet.authorId().equals(ownId)).toList();
    }

    synchronized List<FakeDm> dmsSentByUs() {
        return dms.stream().filter(dm -> dm.senderId().equals(ownId)).toList();
    }

    // ---- how X misbehaves

    synchronized void revokeCredentials() {
        credentialsRevoked = true;
    }

    synchronized void restoreCredentials() {
        credentialsRevoked = false;
    }

    /** X allows {@code remaining} more requests in the window that resets at {@code reset}, then answers 429. */
    synchronized void rateLimit(int remaining, Instant reset) {
        rateLimitRemaining = remaining;
        rateLimitReset = reset;
    }

    synchronized void failNext(String pathPart, int status, String body) {
        faults.add(new Fault(path -> path.contains(pathPart), status, body, 0, false));
    }

    synchronized void slowNext(String pathPart, long delayMillis) {
        faults.add(new Fault(path -> path.contains(pathPart), 200, null, delayMillis, false));
    }

    /** X does what was asked, then the answer is lost (a 503 from a proxy): the outcome is unknown to the caller. */
    synchronized void applyThenFailNext(String pathPart, int status) {
        faults.add(new Fault(path -> path.contains(pathPart), status, "{\"title\":\"Service Unavailable\"}", 0, true));
    }

    /** v2 reports a deleted tweet or protected account in {@code errors} of the next tweet list. */
    synchronized void reportErrorNext(String title, String detail, String resourceId) {
        var error = new LinkedHashMap<String, Object>();
        error.put("value", resourceId);
        error.put("detail", detail);
        error.put("title", title);
        error.put("resource_type", "tweet");
        error.put("parameter", "id");
        error.put("resource_id", resourceId);
        error.put("type", "https://api.twitter.com/2/problems/resource-not-found");
        pendingErrors.add(error);
    }

    /** The next tweet list carries this item in {@code data} as it is. */
    synchronized void rawTweetNext(String itemJson) {
        pendingRawTweets.add(itemJson);
    }

    // ---- the HTTP side

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var uri = exchange.getRequestURI();
            var path = uri.getPath();
            var method = exchange.getRequestMethod();
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(method + " " + uri);
            Fault fault;
            Answer answer;
            synchronized (this) {
                fault = takeFault(path);
            }
            if (fault != null && fault.delayMillis() > 0) {
                sleep(fault.delayMillis());
            }
            synchronized (this) {
                if (fault != null && !fault.applyFirst() && fault.delayMillis() == 0) {
                    answer = new Answer(fault.status(), fault.body() == null ? "" : fault.body());
                } else if (!authorised(exchange, method, path, body)) {
                    answer = path.startsWith("/1.1/")
                            ? new Answer(401, "{\"errors\":[{\"code\":89,\"message\":\"Invalid or expired token.\"}]}")
                            : new Answer(
                                    401,
                                    "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}");
                } else if (rateLimitReset != null
                        && rateLimitRemaining <= 0
                        && clock.instant().isBefore(rateLimitReset)) {
                    answer = path.startsWith("/1.1/")
                            ? new Answer(429, "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}")
                            : new Answer(
                                    429,
                                    "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429}");
                } else {
                    if (rateLimitReset != null && !clock.instant().isBefore(rateLimitReset)) {
                        rateLimitReset = null;
                        rateLimitRemaining = Integer.MAX_VALUE;
                    } else if (rateLimitReset != null) {
                        rateLimitRemaining--;
                    }
                    answer = route(method, path, query(uri.getRawQuery()), body);
                    if (fault != null && fault.applyFirst()) {
                        answer = new Answer(fault.status(), fault.body());
                    }
                }
                rateLimitHeaders(exchange);
            }
            var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis); // a slow X, on purpose: the client's timeout is under test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fault takeFault(String path) {
        for (var iterator = faults.iterator(); iterator.hasNext(); ) {
            var fault = iterator.next();
            if (fault.matches().test(path)) {
                iterator.remove();
                return fault;
            }
        }
        return null;
    }

    private void rateLimitHeaders(HttpExchange exchange) {
        var headers = exchange.getResponseHeaders();
        headers.set("x-rate-limit-limit", "450");
        if (rateLimitReset != null) {
            headers.set("x-rate-limit-remaining", Integer.toString(Math.max(0, rateLimitRemaining)));
            headers.set("x-rate-limit-reset", Long.toString(rateLimitReset.getEpochSecond()));
        } else {
            headers.set("x-rate-limit-remaining", "449");
            headers.set(
                    "x-rate-limit-reset",
                    Long.toString(clock.instant().plusSeconds(900).getEpochSecond()));
        }
    }

    private boolean authorised(HttpExchange exchange, String method, String path, String body) {
        if (credentialsRevoked) {
            return false;
        }
        var header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null) {
            return false;
        }
        lastAuthorization = header;
        var oauth1 = header.startsWith("OAuth ") && validSignature(exchange, method, header, body);
        return path.startsWith("/1.1/") ? oauth1 : oauth1 || header.equals("Bearer " + BEARER);
    }

    /**
     * Checks an OAuth 1.0a signature the way X does, written here apart from the production signer
     * (and checked against Twitter4J's signatures too), so a signing mistake shows as a 401.
     */
    private boolean validSignature(HttpExchange exchange, String method, String header, String body) {
        var oauth = new LinkedHashMap<String, String>();
        var matcher = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(header);
        while (matcher.find()) {
            oauth.put(matcher.group(1), URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8));
        }
        if (!CONSUMER_KEY.equals(oauth.get("oauth_consumer_key"))
                || !ACCESS_TOKEN.equals(oauth.get("oauth_token"))
                || !oauth.containsKey("oauth_signature")) {
            return false;
        }
        var parameters = new ArrayList<String>();
        oauth.forEach((name, value) -> {
            if (!name.equals("oauth_signature")) {
                parameters.add(rfc3986(name) + "=" + rfc3986(value));
            }
        });
        query(exchange.getRequestURI().getRawQuery())
                .forEach((name, value) -> parameters.add(rfc3986(name) + "=" + rfc3986(value)));
        var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            query(body).forEach((name, value) -> parameters.add(rfc3986(name) + "=" + rfc3986(value)));
        }
        Collections.sort(parameters);
        var url = "http://127.0.0.1:" + server.getAddress().getPort()
                + exchange.getRequestURI().getRawPath();
        var base = method + "&" + rfc3986(url) + "&" + rfc3986(String.join("&", parameters));
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(
                    (rfc3986(CONSUMER_SECRET) + "&" + rfc3986(ACCESS_TOKEN_SECRET)).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA1"));
            var expected = Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
            return expected.equals(oauth.get("oauth_signature"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc3986(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private record Answer(int status, String body) {}

    private static Map<String, String> query(String raw) {
        var query = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (var pair : raw.split("&")) {
            var split = pair.indexOf('=');
            var name = URLDecoder.decode(split < 0 ? pair : pair.substring(0, split), StandardCharsets.UTF_8);
            var value = split < 0 ? "" : URLDecoder.decode(pair.substring(split + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private Answer route(String method, String path, Map<String, String> query, String body) {
        if (path.startsWith("/1.1/")) {
            return routeV1(method, path.substring("/1.1/".length()), query, body);
        }
        var parts = path.split("/");
        if (method.equals("GET") && path.equals("/2/users/" + ownId + "/mentions")) {
            return tweetList(tweet -> tweet.mentionsUs(), query, "pagination_token");
        }
        if (method.equals("GET") && path.equals("/2/tweets/search/recent")) {
            var search = query.getOrDefault("query", "").toLowerCase(Locale.ROOT);
            return tweetList(tweet -> tweet.text().toLowerCase(Locale.ROOT).contains(search), query, "next_token");
        }
        if (method.equals("GET") && path.equals("/2/users/" + ownId + "/tweets")) {
            return tweetList(tweet -> tweet.authorId().equals(ownId), query, "pagination_token");
        }
        if (method.equals("POST") && path.equals("/2/tweets")) {
            var request = json.readTree(body);
            var text = request.path("text").asString();
            var replyTo = request.path("reply").path("in_reply_to_tweet_id").asString(null);
            var posted = post(text, replyTo);
            if (posted == null) {
                return new Answer(
                        403,
                        "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\","
                                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}");
            }
            return new Answer(
                    201,
                    write(Map.of(
                            "data",
                            Map.of(
                                    "id",
                                    posted.id(),
                                    "text",
                                    posted.text(),
                                    "edit_history_tweet_ids",
                                    List.of(posted.id())))));
        }
        if (method.equals("GET") && path.equals("/2/dm_events")) {
            return dmList(dm -> true, query);
        }
        if (parts.length == 6
                && path.startsWith("/2/dm_conversations/with/")
                && parts[5].equals("dm_events")
                && method.equals("GET")) {
            var participant = parts[4];
            return dmList(
                    dm -> dm.senderId().equals(participant) || dm.recipientId().equals(participant), query);
        }
        if (parts.length == 6
                && path.startsWith("/2/dm_conversations/with/")
                && parts[5].equals("messages")
                && method.equals("POST")) {
            var dm =
                    new FakeDm(nextId(), json.readTree(body).path("text").asString(), ownId, parts[4], clock.instant());
            dms.add(dm);
            return new Answer(
                    201,
                    write(Map.of("data", Map.of("dm_conversation_id", conversationKey(dm), "dm_event_id", dm.id()))));
        }
        return new Answer(
                404, "{\"title\":\"Not Found Error\",\"detail\":\"Unknown endpoint " + path + "\",\"status\":404}");
    }

    /** Ours, or null when X refuses it as a copy of one of our earlier posts. */
    private FakeTweet post(String text, String replyTo) {
        // X compares what was written, not the @names it puts in front of a reply.
        if (tweets.stream()
                .anyMatch(tweet -> tweet.authorId().equals(ownId)
                        && withoutReplyNames(tweet.text()).equals(withoutReplyNames(text)))) {
            return null;
        }
        var parent = replyTo == null
                ? null
                : tweets.stream()
                        .filter(tweet -> tweet.id().equals(replyTo))
                        .findFirst()
                        .orElse(null);
        var id = nextId();
        var tweet = new FakeTweet(
                id,
                text,
                ownId,
                ownHandle,
                displayName(ownHandle),
                clock.instant(),
                parent == null ? id : parent.conversationId(),
                replyTo,
                null,
                false);
        tweets.add(tweet);
        return tweet;
    }

    private static String withoutReplyNames(String text) {
        return text.replaceFirst("^(@\\w+\\s+)+", "");
    }

    private String conversationKey(FakeDm dm) {
        var a = new BigInteger(dm.senderId());
        var b = new BigInteger(dm.recipientId());
        return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
    }

    /**
     * The newest {@code limit + 1} tweets matching the filter in the requested id window, newest first
     * (one more than asked, so the caller knows whether there is a next page). Tweets are kept in id
     * order, so a page costs what it holds, not what X holds: the benchmark puts 100,000 on it.
     */
    private List<FakeTweet> window(
            Predicate<FakeTweet> filter,
            Map<String, String> query,
            String tokenName,
            String sinceName,
            String maxName,
            int limit) {
        var since = query.containsKey(sinceName) ? Long.parseLong(query.get(sinceName)) : Long.MIN_VALUE;
        var start = query.containsKey("start_time") ? Instant.parse(query.get("start_time")) : Instant.MIN;
        long before = Long.MAX_VALUE;
        if (tokenName != null && query.containsKey(tokenName)) {
            before = Long.parseLong(query.get(tokenName).substring(1));
        } else if (maxName != null && query.containsKey(maxName)) {
            before = Long.parseLong(query.get(maxName)) + 1;
        }
        var result = new ArrayList<FakeTweet>();
        for (int index = indexBefore(before); index >= 0 && result.size() <= limit; index--) {
            var tweet = tweets.get(index);
            if (Long.parseLong(tweet.id()) <= since) {
                break;
            }
            if (filter.test(tweet) && !tweet.createdAt().isBefore(start)) {
                result.add(tweet);
            }
        }
        return result;
    }

    /** The index of the last tweet whose id is below {@code before}. */
    private int indexBefore(long before) {
        int low = 0;
        int high = tweets.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.parseLong(tweets.get(middle).id()) < before) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private Answer tweetList(Predicate<FakeTweet> filter, Map<String, String> query, String tokenName) {
        var max = Integer.parseInt(query.getOrDefault("max_results", "10"));
        var all = window(filter, query, tokenName, "since_id", null, max);
        var page = all.subList(0, Math.min(max, all.size()));
        var root = new LinkedHashMap<String, Object>();
        var data = new ArrayList<Object>();
        for (var raw : pendingRawTweets) {
            data.add(json.readTree(raw));
        }
        pendingRawTweets.clear();
        for (var tweet : page) {
            data.add(v2Tweet(tweet));
        }
        if (!data.isEmpty()) {
            root.put("data", data);
            root.put(
                    "includes",
                    Map.of(
                            "users",
                            page.stream()
                                    .map(tweet -> Map.of(
                                            "id",
                                            tweet.authorId(),
                                            "username",
                                            tweet.username(),
                                            "name",
                                            tweet.name(),
                                            "protected",
                                            false))
                                    .distinct()
                                    .toList()));
        }
        if (!pendingErrors.isEmpty()) {
            root.put("errors", List.copyOf(pendingErrors));
            pendingErrors.clear();
        }
        var meta = new LinkedHashMap<String, Object>();
        meta.put("result_count", page.size());
        if (!page.isEmpty()) {
            meta.put("newest_id", page.getFirst().id());
            meta.put("oldest_id", page.getLast().id());
        }
        if (all.size() > page.size()) {
            meta.put("next_token", "t" + page.getLast().id());
        }
        root.put("meta", meta);
        return new Answer(200, write(root));
    }

    private Map<String, Object> v2Tweet(FakeTweet tweet) {
        var item = new LinkedHashMap<String, Object>();
        item.put("id", tweet.id());
        item.put("text", escape(tweet.text()));
        item.put("author_id", tweet.authorId());
        item.put("conversation_id", tweet.conversationId());
        item.put("created_at", tweet.createdAt().toString());
        item.put("edit_history_tweet_ids", List.of(tweet.id()));
        if (tweet.inReplyTo() != null) {
            item.put("referenced_tweets", List.of(Map.of("type", "replied_to", "id", tweet.inReplyTo())));
        } else if (tweet.retweetOf() != null) {
            item.put("referenced_tweets", List.of(Map.of("type", "retweeted", "id", tweet.retweetOf())));
        }
        return item;
    }

    private Answer dmList(Predicate<FakeDm> filter, Map<String, String> query) {
        var max = Integer.parseInt(query.getOrDefault("max_results", "100"));
        long before = query.containsKey("pagination_token")
                ? Long.parseLong(query.get("pagination_token").substring(1))
                : Long.MAX_VALUE;
        var all = dms.stream()
                .filter(filter)
                .filter(dm -> Long.parseLong(dm.id()) < before)
                .sorted(Comparator.comparing((FakeDm dm) -> Long.parseLong(dm.id()))
                        .reversed())
                .toList();
        var page = all.subList(0, Math.min(max, all.size()));
        var root = new LinkedHashMap<String, Object>();
        if (!page.isEmpty()) {
            root.put(
                    "data",
                    page.stream()
                            .map(dm -> Map.of(
                                    "id", dm.id(),
                                    "text", dm.text(),
                                    "event_type", "MessageCreate",
                                    "dm_conversation_id", conversationKey(dm),
                                    "created_at", dm.createdAt().toString(),
                                    "sender_id", dm.senderId()))
                            .toList());
        }
        var meta = new LinkedHashMap<String, Object>();
        meta.put("result_count", page.size());
        if (all.size() > page.size()) {
            meta.put("next_token", "d" + page.getLast().id());
        }
        root.put("meta", meta);
        return new Answer(200, write(root));
    }

    // ---- v1.1, as Twitter4J calls it

    private Answer routeV1(String method, String path, Map<String, String> query, String body) {
        switch (method + " " + path) {
            case "GET statuses/mentions_timeline.json" -> {
                var count = Integer.parseInt(query.getOrDefault("count", "20"));
                var all = window(FakeTweet::mentionsUs, query, null, "since_id", "max_id", count);
                return new Answer(
                        200,
                        write(all.subList(0, Math.min(count, all.size())).stream()
                                .map(this::v1Status)
                                .toList()));
            }
            case "GET statuses/user_timeline.json" -> {
                var count = Integer.parseInt(query.getOrDefault("count", "20"));
                var all = window(tweet -> tweet.authorId().equals(ownId), query, null, "since_id", "max_id", count);
                return new Answer(
                        200,
                        write(all.subList(0, Math.min(count, all.size())).stream()
                                .map(this::v1Status)
                                .toList()));
            }
            case "GET search/tweets.json" -> {
                var count = Integer.parseInt(query.getOrDefault("count", "15"));
                var search = query.getOrDefault("q", "").toLowerCase(Locale.ROOT);
                var all = window(
                        tweet -> tweet.text().toLowerCase(Locale.ROOT).contains(search),
                        query,
                        null,
                        "since_id",
                        "max_id",
                        count);
                var page = all.subList(0, Math.min(count, all.size()));
                var metadata = new LinkedHashMap<String, Object>();
                metadata.put("completed_in", 0.01);
                metadata.put(
                        "max_id",
                        page.isEmpty() ? 0 : Long.parseLong(page.getFirst().id()));
                metadata.put("since_id", Long.parseLong(query.getOrDefault("since_id", "0")));
                metadata.put("query", search);
                metadata.put("count", count);
                metadata.put(
                        "refresh_url",
                        "?since_id=" + (page.isEmpty() ? "0" : page.getFirst().id()) + "&q=" + search);
                return new Answer(
                        200,
                        write(Map.of(
                                "statuses", page.stream().map(this::v1Status).toList(), "search_metadata", metadata)));
            }
            case "POST statuses/update.json" -> {
                var form = query(body);
                var replyTo = form.get("in_reply_to_status_id");
                var parent = replyTo == null
                        ? null
                        : tweets.stream()
                                .filter(t -> t.id().equals(replyTo))
                                .findFirst()
                                .orElse(null);
                // auto_populate_reply_metadata puts the @name of the thread in front of the text.
                var prefix = "true".equals(form.get("auto_populate_reply_metadata")) && parent != null
                        ? "@" + parent.username() + " "
                        : "";
                var posted = post(prefix + form.get("status"), replyTo);
                if (posted == null) {
                    return new Answer(403, "{\"errors\":[{\"code\":187,\"message\":\"Status is a duplicate.\"}]}");
                }
                return new Answer(200, write(v1Status(posted)));
            }
            case "GET direct_messages/events/list.json" -> {
                var count = Integer.parseInt(query.getOrDefault("count", "20"));
                long before = query.containsKey("cursor")
                        ? Long.parseLong(query.get("cursor").substring(1))
                        : Long.MAX_VALUE;
                var all = dms.stream()
                        .filter(dm -> Long.parseLong(dm.id()) < before)
                        .sorted(Comparator.comparing((FakeDm dm) -> Long.parseLong(dm.id()))
                                .reversed())
                        .toList();
                var page = all.subList(0, Math.min(count, all.size()));
                var root = new LinkedHashMap<String, Object>();
                root.put("events", page.stream().map(this::v1Event).toList());
                if (all.size() > page.size()) {
                    root.put("next_cursor", "c" + page.getLast().id());
                }
                return new Answer(200, write(root));
            }
            case "POST direct_messages/events/new.json" -> {
                JsonNode event = json.readTree(body).path("event").path("message_create");
                var dm = new FakeDm(
                        nextId(),
                        event.path("message_data").path("text").asString(),
                        ownId,
                        event.path("target").path("recipient_id").asString(),
                        clock.instant());
                dms.add(dm);
                return new Answer(200, write(Map.of("event", v1Event(dm))));
            }
            default -> {
                return new Answer(404, "{\"errors\":[{\"code\":34,\"message\":\"Sorry, that page does not exist.\"}]}");
            }
        }
    }

    private Map<String, Object> v1Status(FakeTweet tweet) {
        var status = new LinkedHashMap<String, Object>();
        status.put("created_at", V1_TIME.format(tweet.createdAt()));
        status.put("id", Long.parseLong(tweet.id()));
        status.put("id_str", tweet.id());
        status.put("full_text", escape(tweet.text()));
        status.put("truncated", false);
        status.put("display_text_range", List.of(0, tweet.text().length()));
        status.put(
                "entities",
                Map.of("hashtags", List.of(), "symbols", List.of(), "user_mentions", List.of(), "urls", List.of()));
        status.put("source", "<a href=\"https://example.org\">Fake</a>");
        status.put("in_reply_to_status_id", tweet.inReplyTo() == null ? null : Long.parseLong(tweet.inReplyTo()));
        status.put("in_reply_to_status_id_str", tweet.inReplyTo());
        status.put(
                "user",
                Map.of(
                        "id", Long.parseLong(tweet.authorId()),
                        "id_str", tweet.authorId(),
                        "name", tweet.name(),
                        "screen_name", tweet.username(),
                        "protected", false,
                        "created_at", "Mon Jan 01 00:00:00 +0000 2018"));
        if (tweet.retweetOf() != null) {
            tweets.stream()
                    .filter(t -> t.id().equals(tweet.retweetOf()))
                    .findFirst()
                    .ifPresent(original -> status.put("retweeted_status", v1Status(original)));
        }
        status.put("retweet_count", 0);
        status.put("favorite_count", 0);
        status.put("favorited", false);
        status.put("retweeted", false);
        status.put("lang", "en");
        return status;
    }

    private Map<String, Object> v1Event(FakeDm dm) {
        return Map.of(
                "type", "message_create",
                "id", dm.id(),
                "created_timestamp", Long.toString(dm.createdAt().toEpochMilli()),
                "message_create",
                        Map.of(
                                "target", Map.of("recipient_id", dm.recipientId()),
                                "sender_id", dm.senderId(),
                                "message_data",
                                        Map.of(
                                                "text", dm.text(),
                                                "entities",
                                                        Map.of(
                                                                "hashtags",
                                                                List.of(),
                                                                "symbols",
                                                                List.of(),
                                                                "user_mentions",
                                                                List.of(),
                                                                "urls",
                                                                List.of()))));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }
}
