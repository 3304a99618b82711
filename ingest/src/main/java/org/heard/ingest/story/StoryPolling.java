package org.heard.ingest.story;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelAccount;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.ingest.channel.PeriodicPoller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Polls the site on one thread at the configured interval, from application start to stop, while
 * this instance holds the subscription's lease. One
 * thread because the rate limit is per subscription: parallel polls would only earn 429s.
 */
final class StoryPolling implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoryPolling.class);

    private final StoryChannel channel;
    private final ChannelLeases leases;
    private ScheduledExecutorService scheduler;
    private PeriodicPoller poller;

    StoryPolling(StoryChannel channel, ChannelLeases leases) {
        this.channel = channel;
        this.leases = leases;
    }

    @Override
    public synchronized void start() {
        if (!channel.active() || scheduler != null) {
            log.info(
                    "Care Opinion channel not polling: {}",
                    channel.health().status().detail());
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("story-poll").daemon().factory());
        // The leases start polling when this instance may poll the subscription (at once when alone).
        poller = new PeriodicPoller(
                new ChannelAccount(Channel.STORY, channel.settings().subscription()),
                scheduler,
                channel.settings().pollInterval(),
                this::pollSafely);
        leases.hold(poller);
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
            // Interrupt a poll in progress (it keeps its checkpoint), then wait for it to end.
            scheduler.shutdownNow();
            leases.release(poller);
            poller = null;
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
