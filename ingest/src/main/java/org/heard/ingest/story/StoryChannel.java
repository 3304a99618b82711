package org.heard.ingest.story;

import java.time.Clock;
import java.util.Optional;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;

/**
 * The channel's parts, put together from its settings: without a subscription key (or when
 * switched off) there is no client and nothing polls, but health still says why, and the sender
 * still answers.
 */
final class StoryChannel {

    private final StorySettings settings;
    private final StoryHealth health;
    private final StoryReplySender sender;
    private final Optional<StoryIntake> intake;
    private final Optional<StoryResponseReconciler> reconciler;

    StoryChannel(StorySettings settings, CheckpointStore checkpoints, EventPublisher publisher, Clock clock) {
        this.settings = settings;
        Optional<String> key = settings.enabled() ? settings.key() : Optional.empty();
        AwaitingReplies awaiting = new AwaitingReplies(checkpoints, settings.subscription());
        this.sender = new StoryReplySender(settings, checkpoints, awaiting, clock);
        if (key.isEmpty()) {
            this.health = new StoryHealth(settings, false, clock, Optional::empty);
            this.intake = Optional.empty();
            this.reconciler = Optional.empty();
            return;
        }
        StorySiteClient site = new StorySiteClient(
                settings,
                key.get(),
                RequestPacer.realTime(clock, settings.requestsPerSecond()),
                StorySiteClient.httpClient(settings),
                clock);
        this.health = new StoryHealth(settings, true, clock, site::rateLimitedUntil);
        DeadLetters deadLetters = new DeadLetters(settings.subscription(), publisher, clock);
        this.intake = Optional.of(new StoryIntake(settings, site, checkpoints, publisher, deadLetters, health, clock));
        this.reconciler = Optional.of(new StoryResponseReconciler(
                settings, site, checkpoints, awaiting, publisher, deadLetters, health, clock));
    }

    boolean active() {
        return intake.isPresent();
    }

    /** One round: new stories first, then responses, so a response never arrives before its story. */
    void pollOnce() {
        intake.ifPresent(StoryIntake::poll);
        reconciler.ifPresent(StoryResponseReconciler::poll);
    }

    StorySettings settings() {
        return settings;
    }

    StoryHealth health() {
        return health;
    }

    StoryReplySender sender() {
        return sender;
    }
}
