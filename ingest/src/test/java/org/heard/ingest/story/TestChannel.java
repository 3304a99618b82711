package org.heard.ingest.story;

import java.time.Clock;
import java.time.Instant;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.RecordingEventPublisher;

/**
 * The channel's parts wired as the configuration wires them, against the fake site, with the
 * durable parts (checkpoints, the broker) outliving {@link #restart()}. Requests are paced on the
 * real clock, because the fake site counts them on it; everything else reads the movable clock.
 */
final class TestChannel {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    final InMemoryCheckpointStore checkpoints = new InMemoryCheckpointStore();
    final RecordingEventPublisher publisher = new RecordingEventPublisher();
    final MutableClock clock = new MutableClock(NOW);
    final StorySettings settings;
    StorySiteClient site;
    StoryHealth health;
    StoryIntake intake;
    StoryResponseReconciler reconciler;
    StoryReplySender sender;

    TestChannel(StorySettings settings) {
        this.settings = settings;
        restart();
    }

    /** New objects over the same checkpoints and broker, as after a process restart. */
    TestChannel restart() {
        site = new StorySiteClient(
                settings,
                settings.key().orElseThrow(),
                RequestPacer.realTime(Clock.systemUTC(), settings.requestsPerSecond()),
                StorySiteClient.httpClient(settings),
                Clock.systemUTC());
        health = new StoryHealth(settings, true, clock, site::rateLimitedUntil);
        DeadLetters deadLetters = new DeadLetters(settings.subscription(), publisher, clock);
        AwaitingReplies awaiting = new AwaitingReplies(checkpoints, settings.subscription());
        intake = new StoryIntake(settings, site, checkpoints, publisher, deadLetters, health, clock);
        reconciler = new StoryResponseReconciler(
                settings, site, checkpoints, awaiting, publisher, deadLetters, health, clock);
        sender = new StoryReplySender(settings, checkpoints, awaiting, clock);
        return this;
    }
}
