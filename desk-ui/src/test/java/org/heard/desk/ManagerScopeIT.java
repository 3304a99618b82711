package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topics;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.security.TestStaff;
import org.heard.mentions.MentionDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Issue 16's proof: a manager scoped to one service (wendy, ward 7 and the bay below it) meets
 * nothing of another service on any page or API route. The routes are not listed by hand: every
 * handler mapping of the running application (the JSON API, the API description, actuator, the
 * error page) and every Vaadin route are called, so a new route is checked the day it is added.
 * Mentions of the emergency department — one in a conversation of its own, one in the same
 * conversation as a ward 7 mention, with a note on it — must not show their text, ids, author or
 * note anywhere: not in the API's answers (as wendy by HTTP Basic, by her ward's token and by her
 * desk session), not in a page's HTML, the browser's requests' answers or the server's pushes, not
 * in the live stream. A path that takes an id, given theirs, is refused; so is a route a manager may
 * not use.
 */
@DeskApplicationTest
class ManagerScopeIT extends BrowserDeskTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");
    private static final Pattern ROUTE_PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)[?*]?(?:\\([^)]*\\))?");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    /** Vaadin's client has no request to the server under way. */
    private static final String VAADIN_IDLE = "() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
            + " && Object.values(window.Vaadin.Flow.clients).every(client => !client.isActive())";

    private static final Author OUTSIDER = new Author("2001", "@oscar_outside", "Oscar Outside");

    @Autowired
    WebApplicationContext context;

    @Autowired
    MentionWork work;

    @Autowired
    ActivityLog activity;

    private final HttpClient http = HttpClient.newHttpClient();

    /** What of the emergency department must reach wendy nowhere. */
    private final Set<String> outOfScope = new LinkedHashSet<>(List.of("Oscar Outside", "@oscar_outside"));

    @Test
    void aScopedManagerMeetsNothingOutsideHerScopeOnAnyPageOrApiRoute() throws Exception {
        String word = TestMentions.uniqueWord();
        String hidden = TestMentions.uniqueWord();
        String inScopeText = "The night staff on ward 7 were kind to my father " + word;
        var ward = publish(TestMentions.tweetAbout("ward-7", "in-" + word, inScopeText, Instant.now()));
        var elsewhere = publish(outsider(
                "out-" + word,
                null,
                null,
                "Nine hours on a trolley in the emergency department " + word + " " + hidden + "a"));
        var sameConversation = publish(outsider(
                "reply-" + word,
                ward.conversationId(),
                ward.externalId(),
                "And then they sent him to the emergency department for the night " + word + " " + hidden + "b"));
        awaitIndexed(ward, elsewhere, sameConversation);
        var sam = TestStaff.responder("sam");
        assertThat(work.note(sam, sameConversation.mentionId().value(), "Called the family back " + hidden + "c"))
                .isInstanceOf(MentionWork.Outcome.Done.class);
        assertThat(work.note(sam, ward.mentionId().value(), "Thanked the night staff " + word))
                .isInstanceOf(MentionWork.Outcome.Done.class);
        for (var outside : List.of(elsewhere, sameConversation)) {
            assertThat(servicesOf(outside))
                    .as("outside wendy's scope as triage tagged it")
                    .doesNotContain("ward-7", "ward-7-bay-a");
            outOfScope.add(outside.mentionId().value());
        }
        outOfScope.add(elsewhere.conversationId().value());
        outOfScope.add(hidden);

        var ids = new Ids(
                elsewhere.mentionId().value(),
                elsewhere.conversationId().value(),
                ward.mentionId().value(),
                ward.conversationId().value());
        Page wendy = login("wendy", "ward seven");
        var traffic = capture(wendy);

        int apiRoutes = checkEveryApiRoute(wendy, ids, word, ward.mentionId().value());
        int pages = checkEveryPage(wendy, ids, word, inScopeText);
        checkTheLiveStream(word);
        checkWhatIsPushedToOpenPages(wendy, word);

        assertThat(traffic.length()).as("the browser's traffic was captured").isGreaterThan(1000);
        nothingOutOfScope(traffic.toString(), "the browser's requests' answers and the server's pushes");
        assertThat(activity.ofConversation(elsewhere.conversationId().value()))
                .as("nothing wendy tried on another service's mention was done")
                .noneMatch(entry -> "wendy".equals(entry.actor()));
        assertThat(activity.ofConversation(ward.conversationId().value()))
                .filteredOn(entry -> "wendy".equals(entry.actor()))
                .noneMatch(entry -> sameConversation.mentionId().value().equals(entry.mentionId()));
        System.out.printf("Scope proof: %d API routes and %d pages checked as a manager of ward 7%n", apiRoutes, pages);
        try {
            wendy.context().close();
        } catch (com.microsoft.playwright.PlaywrightException closing) {
            // Cleanup after every assertion has passed: Playwright can report an event for a page it has
            // already forgotten while the context closes (seen once in a fresh-clone run). The browser
            // itself is closed after the class, so nothing is left open.
            System.out.println("Closing wendy's browser context: " + closing.getMessage());
        }
    }

    /** Every handler mapping's routes, by HTTP Basic, the ward's token and the desk session; returns how many routes. */
    private int checkEveryApiRoute(Page wendy, Ids ids, String word, String inScopeId) throws Exception {
        var routes = new TreeSet<String>();
        boolean inScopeFound = false;
        for (var mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var handler : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = handler.getKey();
                Set<RequestMethod> methods =
                        info.getMethodsCondition().getMethods().isEmpty()
                                ? Set.of(RequestMethod.GET)
                                : info.getMethodsCondition().getMethods();
                boolean stream =
                        info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods) {
                        if (method == RequestMethod.HEAD || method == RequestMethod.OPTIONS || stream) {
                            routes.add(method + " " + pattern);
                            continue; // the stream is read as it flows, in checkTheLiveStream
                        }
                        routes.add(method + " " + pattern);
                        inScopeFound |= call(wendy, method, pattern, ids, word, inScopeId);
                    }
                }
            }
        }
        assertThat(routes)
                .as("the API's own routes are among those found")
                .contains(
                        "GET /api/mentions",
                        "GET /api/mentions/{mentionId}",
                        "POST /api/mentions/{mentionId}/replies",
                        "GET /api/conversations/{conversationId}",
                        "GET /api/mentions/stream");
        assertThat(inScopeFound)
                .as("a search found her own ward's mention: the calls could have shown a leak")
                .isTrue();
        return routes.size();
    }

    /** Calls one route every way wendy can; whether an answer held her own ward's mention. */
    private boolean call(Page wendy, RequestMethod method, String pattern, Ids ids, String word, String inScopeId)
            throws Exception {
        boolean takesId = PATH_VARIABLE.matcher(pattern).find();
        var paths = new ArrayList<String>();
        paths.add(fill(pattern, ids.outsideMention(), ids.outsideConversation()) + "?q=" + word);
        if (takesId) {
            if (method == RequestMethod.GET) {
                // Her own mention, whose conversation holds another service's reply and a note on it.
                paths.add(fill(pattern, ids.ownMention(), ids.ownConversation()));
            }
        } else {
            paths.add(pattern + "?q=" + word + "&service=emergency-department");
        }
        boolean found = false;
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            boolean outsideId = takesId && i == 0;
            for (var answer : List.of(basic(method, path), token(method, path), session(wendy, method, path))) {
                String what = answer.way() + " " + method + " " + path;
                // A problem's "instance" is the URI asked for: the caller's own words, not something the desk let out.
                nothingOutOfScope(
                        answer.body().replace("\"instance\":\"" + path.replaceFirst("\\?.*", "") + "\"", ""), what);
                assertThat(answer.status())
                        .as(what + " answers without a server error: " + answer.body())
                        .isLessThan(500);
                if (outsideId) {
                    assertThat(answer.status())
                            .as(what + ", another service's id, is refused")
                            .isIn(REFUSED);
                }
                if (method == RequestMethod.GET
                        && pattern.startsWith("/api/corrections")
                        && !"session".equals(answer.way())) {
                    assertThat(answer.status()).as(what + " is for admins only").isEqualTo(403);
                }
                found |= answer.body().contains(inScopeId);
            }
        }
        return found;
    }

    /** Every Vaadin route, with another service's ids and with her own; returns how many routes. */
    private int checkEveryPage(Page wendy, Ids ids, String word, String inScopeText) {
        var registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(context.getServletContext()));
        List<RouteData> routes = RouteConfiguration.forRegistry(registry).getAvailableRoutes();
        assertThat(routes)
                .extracting(RouteData::getTemplate)
                .contains("", "feed", "conversation/:mentionId", "insight", "admin/audit");
        for (var route : routes) {
            String template = route.getTemplate();
            boolean takesId = ROUTE_PARAMETER.matcher(template).find();
            var paths = takesId
                    ? List.of(fillRoute(template, ids.outsideMention()), fillRoute(template, ids.ownMention()))
                    : List.of(template);
            for (String path : paths) {
                var response = wendy.navigate(url("/" + path));
                wendy.waitForLoadState(LoadState.NETWORKIDLE);
                if ("login".equals(template)) {
                    // Signed in already: whatever it shows, nothing of another service.
                    wendy.waitForFunction(VAADIN_IDLE);
                } else if (!mayUse(route.getNavigationTarget())) {
                    waitForText(wendy.locator("body"), "Could not navigate");
                    assertThat(wendy.locator("body").textContent())
                            .as("/" + path + " is refused to a manager")
                            .doesNotContain(word);
                } else {
                    settle(wendy, template, path, word, ids, inScopeText);
                }
                assertThat(response == null ? 200 : response.status())
                        .as("/" + path)
                        .isLessThan(500);
                nothingOutOfScope(wendy.content(), "the HTML of /" + path);
            }
        }
        return routes.size();
    }

    /** Waits for what the page shows of her own ward, so a leak would have had its chance to show too. */
    private void settle(Page wendy, String template, String path, String word, Ids ids, String inScopeText) {
        switch (template) {
            case "" -> {
                wendy.locator("#inbox-search input").fill(word);
                wendy.locator("#inbox-search input").press("Enter");
                waitForText(wendy.locator("#inbox"), "night staff on ward 7");
            }
            case "feed" ->
                wendy.locator(".feed-entry[data-mention-id='" + ids.ownMention() + "']")
                        .waitFor();
            case "conversation/:mentionId" -> {
                if (path.endsWith(ids.ownMention())) {
                    waitForText(wendy.locator(".mention-text").first(), inScopeText.substring(0, 30));
                    waitForText(wendy.locator("#history"), "Thanked the night staff");
                } else {
                    waitForText(wendy.locator("body"), "There is no such mention");
                }
            }
            default -> wendy.waitForFunction(VAADIN_IDLE);
        }
    }

    /** The API's live stream as a manager's integration reads it, while both services get a new mention. */
    private void checkTheLiveStream(String word) throws Exception {
        var received = new StringBuffer();
        var request = HttpRequest.newBuilder(new TestApi(port).uri("/api/mentions/stream"))
                .header("Authorization", "Bearer " + TestApi.WARD_SEVEN_TOKEN)
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> open =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        var response = open.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        var reader = CompletableFuture.runAsync(
                () -> response.body().forEach(line -> received.append(line).append('\n')));
        try {
            String hidden = TestMentions.uniqueWord();
            outOfScope.add(hidden);
            var outside = publish(outsider(
                    "stream-out-" + word, null, null, "Still on a trolley in the emergency department " + hidden));
            outOfScope.add(outside.mentionId().value());
            awaitIndexed(outside);
            var own = publish(TestMentions.tweetAbout(
                    "ward-7", "stream-in-" + word, "Ward 7 brought him tea at midnight " + word, Instant.now()));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> received.indexOf(own.mentionId().value()) >= 0);
        } finally {
            reader.cancel(true);
            response.body().close();
        }
        nothingOutOfScope(received.toString(), "the API's live stream");
    }

    /** Pages left open while both services get a new mention: only hers is pushed. */
    private void checkWhatIsPushedToOpenPages(Page wendy, String word) throws Exception {
        Page feed = wendy.context().newPage();
        feed.navigate(url("/feed"));
        feed.locator("#feed").waitFor();
        wendy.navigate(url("/"));
        wendy.locator("#inbox-search input").fill(word);
        wendy.locator("#inbox-search input").press("Enter");
        waitForText(wendy.locator("#inbox"), "night staff on ward 7");
        String hidden = TestMentions.uniqueWord();
        outOfScope.add(hidden);
        var outside = publish(outsider(
                "push-out-" + word, null, null, "A long night in the emergency department " + word + " " + hidden));
        outOfScope.add(outside.mentionId().value());
        awaitIndexed(outside);
        var own = publish(TestMentions.tweetAbout(
                "ward-7", "push-in-" + word, "Ward 7 found his glasses " + word, Instant.now()));
        feed.locator(".feed-entry[data-mention-id='" + own.mentionId().value() + "']")
                .waitFor();
        waitForText(wendy.locator("#inbox"), "Ward 7 found his glasses");
        nothingOutOfScope(feed.content(), "the live feed's HTML");
        nothingOutOfScope(wendy.content(), "the live inbox's HTML");
        feed.close();
    }

    /** As the view declares it: open to anyone signed in, or to managers among its roles. */
    private static boolean mayUse(Class<?> view) {
        var roles = view.getAnnotation(RolesAllowed.class);
        return view.isAnnotationPresent(PermitAll.class)
                || view.isAnnotationPresent(AnonymousAllowed.class)
                || roles != null && Arrays.asList(roles.value()).contains("MANAGER");
    }

    private void nothingOutOfScope(String seen, String where) {
        for (String secret : outOfScope) {
            int at = seen.indexOf(secret);
            assertThat(at)
                    .as(
                            "%s must not hold %s, but has: %s",
                            where,
                            secret,
                            at < 0 ? "" : seen.substring(Math.max(0, at - 200), Math.min(seen.length(), at + 200)))
                    .isNegative();
        }
    }

    private Answer basic(RequestMethod method, String path) throws Exception {
        return send(
                "basic",
                method,
                path,
                "Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString("wendy:ward seven".getBytes(StandardCharsets.UTF_8)));
    }

    private Answer token(RequestMethod method, String path) throws Exception {
        return send("token", method, path, "Bearer " + TestApi.WARD_SEVEN_TOKEN);
    }

    private Answer send(String way, RequestMethod method, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(new TestApi(port).uri(path))
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30));
        if (method == RequestMethod.GET) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method.name(), HttpRequest.BodyPublishers.ofString(body()));
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(way, response.statusCode(), response.body());
    }

    /** As the desk's browser session: its cookies, no other credentials. */
    private Answer session(Page wendy, RequestMethod method, String path) {
        var options = RequestOptions.create()
                .setMethod(method.name())
                .setMaxRedirects(0)
                .setTimeout(30_000);
        if (method != RequestMethod.GET) {
            options.setHeader("Content-Type", "application/json").setData(body());
        }
        var response = wendy.request().fetch(url(path), options);
        return new Answer("session", response.status(), response.text());
    }

    /** One body that every operation of the API reads something from: a reply, a note, a status, an assignee, a correction. */
    private static String body() {
        return "{\"text\":\"Sorry, we are looking into it today\",\"deliberately\":true,\"status\":\"closed\",\"assignee\":\"wendy\","
                + "\"field\":\"urgency\",\"value\":\"high\",\"change\":\"made\"}";
    }

    private static String fill(String pattern, String mentionId, String conversationId) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        var filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).toLowerCase();
            String value = name.contains("conversation") ? conversationId : mentionId;
            matcher.appendReplacement(
                    filled, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private static String fillRoute(String template, String mentionId) {
        return ROUTE_PARAMETER
                .matcher(template)
                .replaceAll(Matcher.quoteReplacement(URLEncoder.encode(mentionId, StandardCharsets.UTF_8)));
    }

    /** The answers to every page's own requests (not the scripts and styles) and what the server pushes, in every tab. */
    private static StringBuffer capture(Page page) {
        var traffic = new StringBuffer();
        page.context().onResponse(response -> {
            // A response that arrives while its page closes (the test's end) can no longer be asked
            // anything; an exception here would surface from whatever call is waiting, close() included.
            try {
                if (Set.of("document", "xhr", "fetch", "eventsource")
                        .contains(response.request().resourceType())) {
                    traffic.append(response.text()).append('\n');
                }
            } catch (RuntimeException gone) {
                traffic.append("(unreadable)\n");
            }
        });
        page.onWebSocket(socket ->
                socket.onFrameReceived(frame -> traffic.append(frame.text()).append('\n')));
        page.context()
                .onPage(opened -> opened.onWebSocket(socket -> socket.onFrameReceived(
                        frame -> traffic.append(frame.text()).append('\n'))));
        return traffic;
    }

    private List<String> servicesOf(MentionReceived mention) {
        return index.find(mention.mentionId().value()).map(MentionDocument::services).orElseThrow().stream()
                .map(ServiceTag::serviceId)
                .toList();
    }

    private void awaitIndexed(MentionReceived... mentions) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Arrays.stream(mentions)
                        .allMatch(mention ->
                                index.find(mention.mentionId().value()).isPresent()));
    }

    private MentionReceived publish(MentionReceived mention) throws Exception {
        publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
        return mention;
    }

    private static MentionReceived outsider(
            String externalId, org.heard.contracts.ConversationId conversation, String inReplyTo, String text) {
        var at = Instant.now();
        return new MentionReceived(
                null,
                Channel.TWITTER,
                "@HeardTrust",
                externalId,
                conversation,
                inReplyTo,
                OUTSIDER,
                null,
                text,
                at,
                at,
                List.of("emergency-department"),
                Set.of(),
                Map.of());
    }

    private record Ids(String outsideMention, String outsideConversation, String ownMention, String ownConversation) {}

    private record Answer(String way, int status, String body) {}
}
