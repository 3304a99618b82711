package org.heard.ingest.channel;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one account's poll at a fixed delay on a shared scheduler, for connectors that poll an API.
 * {@link #stop()} cancels the schedule and waits for a poll in progress, so that it returns only
 * when this account is no longer being polled here.
 */
public final class PeriodicPoller implements AccountPoller {

    private final ChannelAccount account;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Runnable poll;
    /** Held while a poll runs: stop() takes it to wait for the one in progress. */
    private final ReentrantLock polling = new ReentrantLock();

    private Run current;

    public PeriodicPoller(
            ChannelAccount account, ScheduledExecutorService scheduler, Duration interval, Runnable poll) {
        this.account = account;
        this.scheduler = scheduler;
        this.interval = interval;
        this.poll = poll;
    }

    @Override
    public ChannelAccount account() {
        return account;
    }

    @Override
    public synchronized void start() {
        if (current != null) {
            return;
        }
        var run = new Run();
        run.schedule = scheduler.scheduleWithFixedDelay(run, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        current = run;
    }

    @Override
    public synchronized void stop() {
        if (current == null) {
            return;
        }
        // A run the scheduler already began may still be waiting for the lock: the flag turns it away.
        current.active = false;
        current.schedule.cancel(false);
        current = null;
        polling.lock();
        polling.unlock();
    }

    /** One start-to-stop stretch; a later start gets its own, so a stale run never polls again. */
    private final class Run implements Runnable {

        private volatile boolean active = true;
        private ScheduledFuture<?> schedule;

        @Override
        public void run() {
            polling.lock();
            try {
                if (active) {
                    poll.run();
                }
            } finally {
                polling.unlock();
            }
        }
    }
}
