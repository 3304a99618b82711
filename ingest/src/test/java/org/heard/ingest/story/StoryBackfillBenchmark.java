package org.heard.ingest.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;

/**
 * Backfill of a subscription's stories from the fake site under the real limit (5 requests/s,
 * enforced by the fake with 429s), against the floor that limit sets: requests / 5 per second.
 *
 * <p>Part 1 takes {@code N} (default 50,000) stories older than the detail window, which the intake
 * reads from the list alone: 100 per request. Part 2 takes a small sample of recent stories, for
 * which tags and health services cost two requests each, and extrapolates that cost to N. Run:
 *
 * <pre>
 * ./mvnw -q -pl ingest -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/bench.cp) \
 *     org.heard.ingest.story.StoryBackfillBenchmark [N] [recentSample]
 * </pre>
 */
public final class StoryBackfillBenchmark {

    private static final double LIMIT_PER_SECOND = 5;

    private StoryBackfillBenchmark() {}

    public static void main(String[] args) {
        int stories = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int recent = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Instant now = Instant.now();

        try (FakeCareOpinion site = FakeCareOpinion.start()) {
            site.publishStories(1_000_000, stories, now.minus(Duration.ofDays(3000)), Duration.ofMinutes(30));
            Result backfill = run(site, stories, now);
            print("Backfill of " + stories + " older stories (list only)", backfill, site.rateLimitedRequests());
        }

        try (FakeCareOpinion site = FakeCareOpinion.start()) {
            site.publishStories(2_000_000, recent, now.minus(Duration.ofDays(2)), Duration.ofMinutes(10));
            Result detailed = run(site, recent, now);
            print(
                    "Intake of " + recent + " recent stories (with tags and health services)",
                    detailed,
                    site.rateLimitedRequests());
            double perStory = (detailed.requests() - 1.0) / recent;
            long extrapolatedRequests = Math.round(perStory * stories) + 1;
            System.out.printf(
                    Locale.ROOT,
                    "Extrapolated (not measured): %d stories with details = %d requests, floor %.0f s (%.1f h), "
                            + "at the measured pace %.0f s (%.1f h)%n",
                    stories,
                    extrapolatedRequests,
                    extrapolatedRequests / LIMIT_PER_SECOND,
                    extrapolatedRequests / LIMIT_PER_SECOND / 3600,
                    detailed.seconds() / detailed.requests() * extrapolatedRequests,
                    detailed.seconds() / detailed.requests() * extrapolatedRequests / 3600);
        }
    }

    private record Result(int taken, int distinct, int requests, double seconds, int checkpointWrites) {}

    private static Result run(FakeCareOpinion site, int expected, Instant now) {
        StorySettings settings = TestSettings.forSite(site.apiBase()).build();
        RecordingEventPublisher publisher = new RecordingEventPublisher();
        InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
        Clock clock = Clock.systemUTC();
        StorySiteClient client = new StorySiteClient(
                settings,
                FakeCareOpinion.KEY,
                RequestPacer.realTime(clock, settings.requestsPerSecond()),
                StorySiteClient.httpClient(settings),
                clock);
        StoryHealth health = new StoryHealth(settings, true, clock, client::rateLimitedUntil);
        StoryIntake intake = new StoryIntake(
                settings,
                client,
                checkpoints,
                publisher,
                new DeadLetters(settings.subscription(), publisher, clock),
                health,
                clock);

        long start = System.nanoTime();
        StoryIntake.Run run = intake.poll();
        double seconds = (System.nanoTime() - start) / 1e9;

        List<MentionReceived> mentions = publisher.on(Topics.MENTIONS);
        int distinct =
                new HashSet<>(mentions.stream().map(MentionReceived::externalId).toList()).size();
        if (run.problem().isPresent() || distinct != expected || mentions.size() != expected) {
            throw new IllegalStateException("backfill incomplete: " + run + ", " + mentions.size() + " published, "
                    + distinct + " distinct, " + expected + " expected");
        }
        return new Result(mentions.size(), distinct, run.requests(), seconds, checkpoints.writes());
    }

    private static void print(String title, Result result, int rateLimited) {
        double floor = result.requests() / LIMIT_PER_SECOND;
        System.out.printf(Locale.ROOT, "%s%n", title);
        System.out.printf(Locale.ROOT, "  stories taken        %d (distinct %d)%n", result.taken(), result.distinct());
        System.out.printf(Locale.ROOT, "  requests             %d (429 answers: %d)%n", result.requests(), rateLimited);
        System.out.printf(Locale.ROOT, "  rate-limit floor     %.1f s (requests / 5 per s)%n", floor);
        System.out.printf(
                Locale.ROOT,
                "  measured             %.1f s (%.2f x floor, %.0f stories/s)%n",
                result.seconds(),
                result.seconds() / floor,
                result.taken() / result.seconds());
        System.out.printf(Locale.ROOT, "  checkpoint writes    %d%n", result.checkpointWrites());
    }
}
