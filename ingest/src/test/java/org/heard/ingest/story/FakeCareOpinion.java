package org.heard.ingest.story;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local stand-in for the Care Opinion API v2, speaking its JSON: stories in publication order
 * with skip/take paging and the {@code publishedafter} and {@code nacs} filters, each story's tags,
 * health services and responses, the responses feed, and the health-service list. It behaves like
 * the real site where it hurts: a bad key is redirected (302) to an HTML login page, more than the
 * allowed requests in a second earn a 429, every answer carries the X-RateLimit-* headers, and it
 * can be made slow, down (503) or broken (invalid JSON) on purpose. Bound to 127.0.0.1 on a free port.
 */
final class FakeCareOpinion implements AutoCloseable {

    static final String KEY = "test-subscription-key";
    private static final Pattern OPINION_PATH =
            Pattern.compile("/api/v2/opinions/([^/]+)(/(tags|healthservices|responses))?");

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final List<ObjectNode> opinions = new ArrayList<>();
    private final Map<String, ArrayNode> tags = new HashMap<>();
    private final Map<String, ArrayNode> services = new HashMap<>();
    private final List<ObjectNode> responses = new ArrayList<>();
    private final Map<String, String> rawOverrides = new ConcurrentHashMap<>();
    private final Set<String> withdrawnAfterListing = ConcurrentHashMap.newKeySet();

    private volatile int limitPerSecond = 5;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean htmlInsteadOfJson;
    private volatile int unavailableFromSkip = Integer.MAX_VALUE;
    private final AtomicInteger rejectNext = new AtomicInteger();
    private final List<Long> arrivals = new ArrayList<>();
    private final List<Long> announcedResets = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final List<String> log = new ArrayList<>();
    private long window;
    private int usedInWindow;

    private FakeCareOpinion() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static FakeCareOpinion start() {
        try {
            return new FakeCareOpinion();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Care Opinion server", e);
        }
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/");
    }

    // ---- content ----

    /** Publishes a story, with realistic fields and a few the client does not know. */
    synchronized ObjectNode publishStory(
            String id, Instant publishedAt, String title, String body, String criticality) {
        ObjectNode story = json.createObjectNode();
        story.put("id", Long.parseLong(id));
        story.put("title", title);
        story.put("body", body);
        story.put("dateOfSubmission", publishedAt.minus(Duration.ofDays(2)).toString());
        story.put("dateOfPublication", publishedAt.toString());
        if (criticality == null) {
            story.putNull("criticality");
        } else {
            story.put("criticality", criticality);
        }
        story.put("progress", "The story has been read by staff");
        story.put("authorRole", "patient");
        story.put("authorAgeGroup", "66-75");
        // Fields this client does not use; the real API has more and adds new ones.
        story.put("hasResponses", false);
        story.putObject("moderation").put("status", "published").put("moderatedBy", "CO");
        ArrayNode links = story.putArray("links");
        links.addObject()
                .put("relation", "self")
                .put("link", apiBase() + "opinions/" + id)
                .put("id", id);
        links.addObject()
                .put("relation", "web")
                .put("link", "https://www.careopinion.org.uk/" + id)
                .put("id", id);
        links.addObject().put("relation", "tags").put("link", apiBase() + "opinions/" + id + "/tags");
        opinions.add(story);
        opinions.sort(Comparator.comparing((ObjectNode node) ->
                        Instant.parse(node.path("dateOfPublication").asString()))
                .thenComparing(node -> node.path("id").asLong()));
        tags.put(id, json.createArrayNode());
        services.put(id, json.createArrayNode());
        return story;
    }

    /** Publishes {@code count} stories, ids from {@code firstId}, one every {@code step} from {@code from}. */
    synchronized void publishStories(long firstId, int count, Instant from, Duration step) {
        for (int i = 0; i < count; i++) {
            String id = Long.toString(firstId + i);
            ObjectNode story = json.createObjectNode();
            story.put("id", firstId + i);
            story.put("title", "Story " + id);
            story.put("body", "My experience of the **outpatients** clinic, visit " + id + ".");
            story.put(
                    "dateOfSubmission",
                    from.plus(step.multipliedBy(i)).minusSeconds(3600).toString());
            story.put("dateOfPublication", from.plus(step.multipliedBy(i)).toString());
            story.put("criticality", i % 3 == 0 ? "mildly critical" : "not critical");
            story.put("progress", "The story has been read by staff");
            story.put("authorRole", "relative");
            story.putArray("links")
                    .addObject()
                    .put("relation", "web")
                    .put("link", "https://www.careopinion.org.uk/" + id);
            opinions.add(story);
        }
    }

    synchronized void tag(String opinionId, String name, String group, String polarity) {
        tags.get(opinionId)
                .addObject()
                .put("name", name)
                .put("group", group)
                .put("polarity", polarity)
                .put("count", 1);
    }

    synchronized void service(String opinionId, String nacs, String name, String siteNacs) {
        services.get(opinionId)
                .addObject()
                .put("nacs", nacs)
                .put("name", name)
                .put("type", "service")
                .put("organisation", "St Mary's Hospitals NHS Trust")
                .put("siteNacs", siteNacs);
    }

    /** Publishes a provider response under a story, as a responder would on the website. */
    synchronized void publishResponse(String responseId, String opinionId, String body, Instant at, String responder) {
        ObjectNode response = json.createObjectNode();
        response.put("id", Long.parseLong(responseId));
        response.put("body", body);
        response.put("dateOfPublication", at.toString());
        response.putObject("responder")
                .put("name", responder)
                .put("jobTitle", "Ward Manager")
                .put("organisation", "St Mary's");
        response.put("isEdited", false);
        response.putArray("links")
                .addObject()
                .put("relation", "opinion")
                .put("id", opinionId)
                .put("link", apiBase() + "opinions/" + opinionId);
        responses.add(response);
    }

    /** Answers the given path (e.g. {@code opinions/1001/tags}, or {@code opinions?skip=100}) with this text instead. */
    void answerRaw(String pathAndQuery, String body) {
        rawOverrides.put("/api/v2/" + pathAndQuery, body);
    }

    /** The story still shows in the list, but its own resources answer 404, as when it is withdrawn mid-poll. */
    void withdrawAfterListing(String id) {
        withdrawnAfterListing.add(id);
    }

    void removeStory(String id) {
        synchronized (this) {
            opinions.removeIf(node -> node.path("id").asString().equals(id));
        }
    }

    // ---- behaviour ----

    void limitPerSecond(int limit) {
        this.limitPerSecond = limit;
    }

    void slowBy(Duration delay) {
        this.delay = delay;
    }

    /** As if a proxy had followed the login redirect: 200 with the HTML login page. */
    void answerHtmlLoginPage(boolean on) {
        this.htmlInsteadOfJson = on;
    }

    /** Stories pages from this offset on answer 503, as during an outage. */
    void unavailableFrom(int skip) {
        this.unavailableFromSkip = skip;
    }

    /** The next {@code count} requests earn a 429, as when another client of the same key used the window up. */
    void rejectNext(int count) {
        rejectNext.set(count);
    }

    void clearRaw() {
        rawOverrides.clear();
    }

    /** When each request arrived, epoch milliseconds. */
    synchronized List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The X-RateLimit-Reset (epoch seconds) of each 429 sent. */
    synchronized List<Long> announcedResets() {
        return List.copyOf(announcedResets);
    }

    int requests() {
        return requests.get();
    }

    int rateLimitedRequests() {
        return rateLimited.get();
    }

    synchronized List<String> requestLog() {
        return List.copyOf(log);
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts handlers still sleeping for a slow answer; nothing needs them any more.
        executor.shutdownNow();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            URI uri = exchange.getRequestURI();
            synchronized (this) {
                log.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                arrivals.add(System.currentTimeMillis());
            }
            if (uri.getPath().startsWith("/account/login")) {
                send(exchange, 200, "text/html; charset=utf-8", loginPage(), Map.of());
                return;
            }
            if (!("SUBSCRIPTION_KEY " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("Location", "/account/login?ReturnUrl=" + uri.getRawPath());
                send(exchange, 302, "text/html; charset=utf-8", "<html><body>Object moved</body></html>", Map.of());
                return;
            }
            if (htmlInsteadOfJson) {
                send(exchange, 200, "text/html; charset=utf-8", loginPage(), Map.of());
                return;
            }
            Map<String, String> limitHeaders = countAgainstLimit();
            if (limitHeaders == null) {
                return429(exchange);
                return;
            }
            if (!delay.isZero()) {
                Thread.sleep(delay);
            }
            String override =
                    rawOverrides.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            if (override == null) {
                override = rawOverrides.get(uri.getRawPath());
            }
            if (override != null) {
                send(exchange, 200, "application/json; charset=utf-8", override, limitHeaders);
                return;
            }
            Answer answer = route(uri.getPath(), query(uri));
            send(exchange, answer.status(), "application/json; charset=utf-8", answer.body(), limitHeaders);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer(int status, String body) {}

    private synchronized Answer route(String path, Map<String, String> query) {
        int skip = Integer.parseInt(query.getOrDefault("skip", "0"));
        int take = Math.min(100, Integer.parseInt(query.getOrDefault("take", "10")));
        if (path.equals("/api/v2/opinions")) {
            if (skip >= unavailableFromSkip) {
                return new Answer(503, "{\"message\":\"Service Unavailable\"}");
            }
            List<ObjectNode> matching =
                    opinions.stream().filter(story -> matches(story, query)).toList();
            return new Answer(200, page(matching, skip, take));
        }
        if (path.equals("/api/v2/responses")) {
            return new Answer(200, page(responses, skip, take));
        }
        if (path.equals("/api/v2/healthservices")) {
            ArrayNode all = json.createArrayNode();
            Set<String> seen = new java.util.HashSet<>();
            services.values()
                    .forEach(list -> list.values().forEach(service -> {
                        if (seen.add(service.path("nacs").asString())) {
                            all.add(service);
                        }
                    }));
            return new Answer(200, json.writeValueAsString(all));
        }
        Matcher matcher = OPINION_PATH.matcher(path);
        if (matcher.matches()) {
            String id = matcher.group(1);
            var story = opinions.stream()
                    .filter(node -> node.path("id").asString().equals(id))
                    .findFirst();
            if (story.isEmpty() || withdrawnAfterListing.contains(id)) {
                return new Answer(404, "{\"message\":\"No opinion found with id " + id + "\"}");
            }
            String part = matcher.group(3);
            if (part == null) {
                return new Answer(200, json.writeValueAsString(story.get()));
            }
            return switch (part) {
                case "tags" -> new Answer(200, json.writeValueAsString(tags.getOrDefault(id, json.createArrayNode())));
                case "healthservices" ->
                    new Answer(200, json.writeValueAsString(services.getOrDefault(id, json.createArrayNode())));
                default ->
                    new Answer(
                            200,
                            json.writeValueAsString(responses.stream()
                                    .filter(response -> response.path("links")
                                            .path(0)
                                            .path("id")
                                            .asString()
                                            .equals(id))
                                    .toList()));
            };
        }
        return new Answer(404, "{\"message\":\"No HTTP resource was found that matches the request URI\"}");
    }

    private boolean matches(ObjectNode story, Map<String, String> query) {
        String after = query.get("publishedafter");
        if (after != null) {
            Instant from = LocalDate.parse(after).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (Instant.parse(story.path("dateOfPublication").asString()).isBefore(from)) {
                return false;
            }
        }
        String nacs = query.get("nacs");
        if (nacs != null) {
            ArrayNode storyServices = services.get(story.path("id").asString());
            return storyServices != null
                    && storyServices.values().stream()
                            .anyMatch(
                                    service -> nacs.equals(service.path("nacs").asString()));
        }
        return true;
    }

    private String page(List<? extends JsonNode> items, int skip, int take) {
        ArrayNode page = json.createArrayNode();
        for (int i = skip; i < Math.min(items.size(), skip + take); i++) {
            page.add(items.get(i));
        }
        return json.writeValueAsString(page);
    }

    /** The site counts requests per clock second; null when this one is over the limit. */
    private synchronized Map<String, String> countAgainstLimit() {
        long second = System.currentTimeMillis() / 1000;
        if (second != window) {
            window = second;
            usedInWindow = 0;
        }
        usedInWindow++;
        if (usedInWindow > limitPerSecond || rejectNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", Integer.toString(limitPerSecond));
        headers.put("X-RateLimit-Remaining", Integer.toString(limitPerSecond - usedInWindow));
        headers.put("X-RateLimit-Reset", Long.toString(window + 1));
        return headers;
    }

    private void return429(HttpExchange exchange) throws IOException {
        rateLimited.incrementAndGet();
        long reset;
        synchronized (this) {
            reset = window + 1;
            announcedResets.add(reset);
        }
        send(
                exchange,
                429,
                "application/json; charset=utf-8",
                "{\"message\":\"Rate limit exceeded\"}",
                Map.of(
                        "X-RateLimit-Limit", Integer.toString(limitPerSecond),
                        "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset", Long.toString(reset)));
    }

    private static void send(
            HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        headers.forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8)
                                    .toLowerCase(java.util.Locale.ROOT),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String loginPage() {
        return "<!DOCTYPE html><html><head><title>Sign in - Care Opinion</title></head><body>"
                + "<form method=\"post\" action=\"/account/login\"><input name=\"Email\"><input name=\"Password\" type=\"password\">"
                + "</form></body></html>";
    }
}
