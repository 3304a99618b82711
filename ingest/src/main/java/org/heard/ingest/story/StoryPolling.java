package org.heard.ingest.story;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the site on one thread at the configured interval, from application start to stop. One
 * thread because the rate limit is per subscription: parallel polls would only earn 429s.
 */
final class StoryPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoryPolling.class);

    private final StoryChannel channel;
    private ScheduledExecutorService scheduler;

    StoryPolling(StoryChannel channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void start() {
        if (!channel.active() || scheduler != null) {
            log.info("Care Opinion channel not polling: {}", channel.health().status().detail());
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("story-poll").daemon().factory());
        long interval = channel.settings().pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            channel.pollOnce();
        } catch (RuntimeException e) {
            // A surprise must not end the schedule (an uncaught exception would cancel it for good).
            log.error("Care Opinion poll failed unexpectedly; trying again at the next interval", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
