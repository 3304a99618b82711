package org.heard.ingest.story;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import org.heard.ingest.channel.CappedBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Care Opinion API (v2, read-only). Each call is paced under the rate limit, retried
 * after timeouts, server errors and 429s, and ends in a {@link SiteReply} rather than an exception.
 *
 * <p>A refused key does not answer 401 on this site: it redirects to the login page. Redirects are
 * therefore never followed, and a redirect or an HTML page where JSON was expected is reported as
 * an authentication failure.
 */
final class StorySiteClient {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final int BODY_EXCERPT = 200;

    /** The most of one answer read: a page of 100 stories is well under 1 MB. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    /** What of an answer over the cap a dead letter keeps. */
    private static final int KEPT_OF_AN_OVERSIZE_ANSWER = 64 * 1024;

    private final URI baseUrl;
    private final String authorization;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final RequestPacer pacer;
    private final HttpClient http;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Instant> rateLimitedUntil = new AtomicReference<>(Instant.MIN);
    private final int maxAnswerBytes;

    StorySiteClient(StorySettings settings, String subscriptionKey, RequestPacer pacer, HttpClient http, Clock clock) {
        this(settings, subscriptionKey, pacer, http, clock, MAX_ANSWER_BYTES);
    }

    StorySiteClient(
            StorySettings settings,
            String subscriptionKey,
            RequestPacer pacer,
            HttpClient http,
            Clock clock,
            int maxAnswerBytes) {
        this.maxAnswerBytes = maxAnswerBytes;
        this.baseUrl = settings.baseUrl();
        this.authorization = "SUBSCRIPTION_KEY " + subscriptionKey;
        this.requestTimeout = settings.requestTimeout();
        this.maxRetries = settings.maxRetries();
        this.pacer = pacer;
        this.http = http;
        this.clock = clock;
    }

    static HttpClient httpClient(StorySettings settings) {
        return HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs {@code path} (relative to the API root) with the given query parameters. */
    SiteReply get(String path, Map<String, String> query) {
        URI uri = baseUrl.resolve(path + queryString(query));
        String lastProblem = "no attempt made";
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            HttpResponse<CappedBody> response;
            try {
                pacer.awaitTurn();
                response = http.send(request(uri), CappedBody.upTo(maxAnswerBytes));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SiteReply.Unavailable("interrupted while asking " + uri);
            } catch (IOException e) {
                lastProblem =
                        "no answer from " + uri + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
                backOff(attempt);
                continue;
            }
            obeyRateLimitHeaders(response);
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                String location = response.headers().firstValue("Location").orElse("(no location)");
                return new SiteReply.AuthFailed("Care Opinion redirected " + path + " to " + location
                        + " (its login page) instead of answering: the subscription key was refused; "
                        + StorySettings.keyPointer());
            }
            if (status == 401 || status == 403) {
                return new SiteReply.AuthFailed("Care Opinion refused the subscription key (HTTP " + status + "); "
                        + StorySettings.keyPointer());
            }
            if (status == 429) {
                Instant until = resetOf(response).orElse(clock.instant().plusSeconds(1));
                rateLimitedUntil.set(until);
                pacer.holdUntil(until);
                lastProblem = "rate limited (HTTP 429) until " + until;
                if (attempt == maxRetries) {
                    return new SiteReply.RateLimited(
                            until, "Care Opinion rate limit reached (5 requests/s); waiting until " + until);
                }
                continue;
            }
            if (status >= 500 || status == 408) {
                lastProblem = "HTTP " + status + " from " + uri;
                backOff(attempt);
                continue;
            }
            if (status == 404) {
                return new SiteReply.NotFound(
                        "HTTP 404 from " + uri + " (check " + StorySettings.PREFIX + ".base-url)");
            }
            if (status != 200) {
                return new SiteReply.Unavailable("HTTP " + status + " from " + uri + ": "
                        + excerpt(response.body().text()));
            }
            if (response.body().over()) {
                return new SiteReply.Unreadable(
                        "Care Opinion's answer to " + path + " is over " + maxAnswerBytes / (1024 * 1024)
                                + " MB, more than any page of stories should be: not read (its start is kept here)",
                        response.body().excerpt(KEPT_OF_AN_OVERSIZE_ANSWER));
            }
            return read(path, response);
        }
        return new SiteReply.Unavailable(lastProblem + " after " + (maxRetries + 1) + " attempts");
    }

    /** Until when the site told us to hold off, if that is still ahead. */
    Optional<Instant> rateLimitedUntil() {
        Instant until = rateLimitedUntil.get();
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    private SiteReply read(String path, HttpResponse<CappedBody> response) {
        String body = response.body() == null ? "" : response.body().text();
        String contentType =
                response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (contentType.contains("html") || body.stripLeading().startsWith("<")) {
            return new SiteReply.AuthFailed("Care Opinion answered " + path
                    + " with an HTML page where JSON was expected (its login page when the subscription key is refused); "
                    + StorySettings.keyPointer());
        }
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                return new SiteReply.Unreadable("empty answer from " + path, body);
            }
            return new SiteReply.Json(tree, body);
        } catch (JacksonException e) {
            return new SiteReply.Unreadable("broken JSON from " + path + ": " + e.getOriginalMessage(), body);
        }
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    /** The site counts our requests per window; when none are left, wait for the reset instead of earning a 429. */
    private void obeyRateLimitHeaders(HttpResponse<?> response) {
        OptionalLong remaining = longHeader(response, "X-RateLimit-Remaining");
        if (remaining.isPresent() && remaining.getAsLong() <= 0) {
            resetOf(response).ifPresent(pacer::holdUntil);
        }
    }

    private Optional<Instant> resetOf(HttpResponse<?> response) {
        OptionalLong reset = longHeader(response, "X-RateLimit-Reset");
        if (reset.isPresent()) {
            return Optional.of(Instant.ofEpochSecond(reset.getAsLong()));
        }
        OptionalLong retryAfter = longHeader(response, "Retry-After");
        return retryAfter.isPresent()
                ? Optional.of(clock.instant().plusSeconds(retryAfter.getAsLong()))
                : Optional.empty();
    }

    private static OptionalLong longHeader(HttpResponse<?> response, String name) {
        try {
            Optional<String> value = response.headers().firstValue(name);
            return value.isPresent()
                    ? OptionalLong.of(Long.parseLong(value.get().trim()))
                    : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private void backOff(int attempt) {
        Duration backoff = Duration.ofMillis(500L << Math.min(attempt, 6));
        pacer.holdUntil(clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff));
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joiner = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joiner.add(encode(name) + "=" + encode(value)));
        return joiner.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= BODY_EXCERPT ? body : body.substring(0, BODY_EXCERPT) + "...";
    }
}
