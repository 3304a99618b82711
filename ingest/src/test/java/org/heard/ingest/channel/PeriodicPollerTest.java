package org.heard.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.heard.contracts.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicPollerTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    @Test
    void stopReturnsOnlyWhenThePollInProgressHasFinished() throws Exception {
        var inPoll = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var poller = new PeriodicPoller(account(), scheduler, Duration.ofMillis(10), () -> {
            inPoll.countDown();
            waitFor(release);
        });
        poller.start();
        assertThat(inPoll.await(10, TimeUnit.SECONDS)).isTrue();

        var stopped = new CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            poller.stop();
            stopped.countDown();
        });

        assertThat(stopped.await(300, TimeUnit.MILLISECONDS))
                .as("stop() while a poll runs")
                .isFalse();
        release.countDown();
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void neverPollsAfterStopReturned() throws Exception {
        var polls = new AtomicInteger();
        var poller = new PeriodicPoller(account(), scheduler, Duration.ofMillis(1), polls::incrementAndGet);
        poller.start();
        await().until(() -> polls.get() >= 5);

        poller.stop();
        int atStop = polls.get();
        // Another scheduled task that runs after the poller's next due time proves the schedule is gone.
        scheduler.schedule(() -> {}, 50, TimeUnit.MILLISECONDS).get();

        assertThat(polls.get()).isEqualTo(atStop);
    }

    @Test
    void pollsAgainWhenStartedAfterAStop() {
        var polls = new AtomicInteger();
        var poller = new PeriodicPoller(account(), scheduler, Duration.ofMillis(1), polls::incrementAndGet);
        poller.start();
        await().until(() -> polls.get() >= 1);
        poller.stop();
        int atStop = polls.get();

        poller.start();

        await().until(() -> polls.get() > atStop);
        poller.stop();
    }

    private static ChannelAccount account() {
        return new ChannelAccount(Channel.TWITTER, "@nhs_trust");
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
