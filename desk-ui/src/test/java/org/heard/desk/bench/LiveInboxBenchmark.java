package org.heard.desk.bench;

import com.microsoft.playwright.Page;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.heard.HeardApplication;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Topics;
import org.heard.contracts.Urgency;
import org.heard.desk.Browser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.TagWriter;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.HeardTestInfrastructure;
import org.heard.platform.testing.TestElasticsearch;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Not a test: what the live inbox costs while mentions pour in. Starts a desk-only Heard against a
 * real Kafka broker and Elasticsearch node, opens {@code sessions} inboxes in Chromium (half
 * responders who see everything, half ward managers who see one service of ten each), then plays
 * triage for {@code seconds}: writes {@code per-second} mentions a second into the index and
 * announces each on the triaged topic, as triage does. Prints the searches the mentions index ran
 * per second (Elasticsearch's own query count, counts included), the desk JVM's CPU (Kafka runs
 * in this JVM too; Elasticsearch and Chromium are processes of their own), and both again for the 30 s
 * after the last mention (what the desk still owes).
 *
 * <pre>
 * bash desk-ui/src/test/bench/live-inbox-benchmark.sh [sessions=20] [per-second=50] [seconds=60]
 * </pre>
 */
public final class LiveInboxBenchmark {

    static final List<String> SERVICES = List.of(
            "emergency-department",
            "maternity",
            "ward-7",
            "stroke-unit",
            "gp",
            "outpatients",
            "pharmacy",
            "surgery",
            "mental-health",
            "children");

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double perSecond = args.length > 1 ? Double.parseDouble(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;

        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--heard.roles=desk",
                "--heard.triage.nlp=false",
                "--heard.channel.email.embedded.enabled=false",
                "--vaadin.devmode.devTools.enabled=false",
                "--heard.triage.catalogue=src/test/resources/org/heard/desk/test-catalogue.yaml"));
        for (int i = 0; i < sessions; i++) {
            boolean manager = i % 2 == 1;
            arguments.add("--heard.security.users[" + i + "].username=user" + i);
            arguments.add("--heard.security.users[" + i + "].password-hash={noop}bench");
            arguments.add("--heard.security.users[" + i + "].display-name=User " + i);
            arguments.add("--heard.security.users[" + i + "].roles=" + (manager ? "MANAGER" : "RESPONDER"));
            if (manager) {
                arguments.add("--heard.security.users[" + i + "].services=" + SERVICES.get((i / 2) % SERVICES.size()));
            }
        }
        var app = new SpringApplicationBuilder(HeardApplication.class)
                .initializers(new HeardTestInfrastructure())
                .run(arguments.toArray(String[]::new));
        var index = app.getBean(TagWriter.class);
        var publisher = app.getBean(EventPublisher.class);
        String port = app.getEnvironment().getProperty("local.server.port");
        var random = new Random(15);
        try (var browser = Browser.start()) {
            // Something to show: a few hundred mentions before the inboxes open.
            for (int batch = 0; batch < 10; batch++) {
                write(index, publisher, random, 50, false);
            }
            var pages = new ArrayList<Page>();
            for (int i = 0; i < sessions; i++) {
                var page = browser.loggedIn("http://localhost:" + port, "user" + i, "bench");
                page.locator("#inbox").waitFor();
                pages.add(page);
            }
            // Warm-up: every view has refreshed at least once under the live path.
            playTriage(index, publisher, random, perSecond, 10);
            Thread.sleep(3000);

            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long queriesBefore = queryTotal();
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            int written = playTriage(index, publisher, random, perSecond, seconds);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double measured = (System.nanoTime() - start) / 1e9;
            long queries = queryTotal() - queriesBefore;
            double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            long behind = feedLag(app.getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
            // What the mentions still cost after they stopped: refreshes a listener still owes.
            long drainQueriesBefore = queryTotal();
            long drainCpuBefore = os.getProcessCpuTime();
            Thread.sleep(30_000);
            long drainQueries = queryTotal() - drainQueriesBefore;
            double drainCpu = (os.getProcessCpuTime() - drainCpuBefore) / 1e9;

            System.out.printf(
                    "open inboxes:                %d (%d responders, %d managers of one service each)%n",
                    sessions, sessions - sessions / 2, sessions / 2);
            System.out.printf(
                    "mentions triaged:            %d in %.1f s (%.1f/s)%n", written, elapsed, written / elapsed);
            System.out.printf(
                    "mentions-index queries:      %d in %.1f s = %.1f/s (searches and counts: Elasticsearch's query phases)%n",
                    queries, measured, queries / measured);
            System.out.printf(
                    "desk JVM CPU:                %.1f s in %.1f s = %.0f %% of one core (Kafka included)%n",
                    cpuSeconds, measured, 100 * cpuSeconds / measured);
            System.out.printf(
                    "announcements not yet read:  %d at the end (the desk's feed consumer's lag on the triaged topic)%n",
                    behind);
            System.out.printf(
                    "the 30 s after the last one: %.1f queries/s, %.0f %% of one core (refreshes still owed)%n",
                    drainQueries / 30.0, 100 * drainCpu / 30);
            app.getBeanProvider(org.heard.desk.inbox.LiveInbox.class)
                    .ifAvailable(live -> System.out.printf("live inbox (this desk):      %s%n", live.counts()));
            System.out.printf(
                    "machine: %d cores, load average %.1f at the end (other work on the machine included)%n",
                    os.getAvailableProcessors(), os.getSystemLoadAverage());
            pages.forEach(page -> page.context().close());
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** Writes and announces mentions at the given rate for the given time, as triage does: bulk write, then the events. */
    private static int playTriage(
            TagWriter index, EventPublisher publisher, Random random, double perSecond, int seconds) throws Exception {
        long start = System.nanoTime();
        int written = 0;
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            int due = (int) ((System.nanoTime() - start) / 1e9 * perSecond) - written;
            if (due <= 0) {
                Thread.sleep(20);
                continue;
            }
            written += write(index, publisher, random, due, true);
        }
        return written;
    }

    private static int write(TagWriter index, EventPublisher publisher, Random random, int count, boolean announce)
            throws Exception {
        var documents = new ArrayList<MentionDocument>();
        var events = new ArrayList<MentionTriaged>();
        for (int i = 0; i < count; i++) {
            var at = Instant.now().minusSeconds(random.nextInt(86_400));
            String service = SERVICES.get(random.nextInt(SERVICES.size()));
            var received = new MentionReceived(
                    null,
                    Channel.values()[random.nextInt(3)],
                    "bench",
                    "b-" + random.nextLong(),
                    null,
                    null,
                    new Author("p" + random.nextInt(1000), null, "Patient " + random.nextInt(1000)),
                    null,
                    "The nurses on the ward were kind but nobody came when my mum rang the bell " + random.nextInt(),
                    at,
                    at,
                    List.of(service),
                    Set.of(),
                    Map.of());
            var level = random.nextInt(50) == 0
                    ? Urgency.Level.IMMEDIATE
                    : random.nextInt(10) == 0 ? Urgency.Level.HIGH : Urgency.Level.NORMAL;
            var triaged = new MentionTriaged(
                    received.mentionId(),
                    received.conversationId(),
                    received.channel(),
                    new Sentiment(Sentiment.Label.values()[random.nextInt(3)], 0, List.of()),
                    List.of(new ServiceTag(service, 0.9, List.of("the ward"))),
                    new Urgency(level, List.of()),
                    List.of(),
                    "bench",
                    Instant.now());
            documents.add(MentionDocument.of(received, triaged));
            events.add(triaged);
        }
        index.upsertAll(documents);
        if (announce) {
            CompletableFuture.allOf(events.stream()
                            .map(event -> publisher.publish(Topics.TRIAGED, event))
                            .toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        }
        return count;
    }

    /**
     * How many triaged announcements the desk's live feed has not yet handled: its consumer group's
     * lag (the feed's group is {@code heard-desk-<uuid>}; it commits what it has handled).
     */
    private static long feedLag(String bootstrap) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            var groups = admin.listConsumerGroups().all().get().stream()
                    .map(group -> group.groupId())
                    .filter(id -> id.matches("heard-desk-[0-9a-f]{8}-[0-9a-f-]+"))
                    .toList();
            long lag = 0;
            for (String group : groups) {
                var committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                var latest = admin.listOffsets(committed.keySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        partition -> partition,
                                        partition -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                        .all()
                        .get();
                for (var entry : committed.entrySet()) {
                    if (entry.getKey().topic().equals(Topics.TRIAGED.name()) && entry.getValue() != null) {
                        lag += latest.get(entry.getKey()).offset()
                                - entry.getValue().offset();
                    }
                }
            }
            return lag;
        }
    }

    /** Query phases the mentions index has run since the node started (counts included). */
    private static long queryTotal() throws Exception {
        var stats = TestElasticsearch.client()
                .indices()
                .stats(s -> s.index(MentionIndexSchema.ALIAS).metric("search"));
        return stats.all().total().search().queryTotal();
    }

    private LiveInboxBenchmark() {}
}
