package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.heard.contracts.MentionReceived;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Spring context may be stopped and started again (the lifecycle allows it; a desk admin's
 * restart of the ingest role does it): the email channel must take mail in afterwards, with IDLE
 * and with polling, as often as it is restarted.
 */
class EmailChannelRestartIT {

    private static final int ROUNDS = 8;

    private final MailServer server = new MailServer("feedback@trust.nhs.uk");
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private EmailChannel channel;

    @AfterEach
    void stop() {
        if (channel != null) {
            channel.destroy();
        }
        server.close();
    }

    @ParameterizedTest(name = "idle={0}")
    @ValueSource(booleans = {true, false})
    void takesMailInAfterEachStopAndStart(boolean idle) {
        var m = server.mailbox;
        var mailbox = new EmailSettings.Mailbox(
                m.address(),
                null,
                m.imap(),
                m.smtp(),
                null,
                MailServer.PASSWORD,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMillis(300),
                idle,
                null);
        channel = new EmailChannel(
                List.of(mailbox),
                Duration.ofSeconds(5),
                publisher,
                new InMemoryCheckpointStore(),
                Clock.systemUTC(),
                ChannelLeases.allOnThisInstance(),
                java.util.Map.of());

        for (int round = 1; round <= ROUNDS; round++) {
            channel.start();
            server.deliver(email(round));
            awaitMention(round);
            channel.stop();
            assertThat(channel.isRunning()).isFalse();
        }

        // A stop that cut a batch short between publishing and marking leaves that email to be read
        // again at the next start: the same mention id again, which the index keeps once.
        assertThat(publisher.mentions().stream().map(MentionReceived::text).distinct())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ROUNDS)
                        .mapToObj(n -> "Round " + n + ".")
                        .toList());
        assertThat(publisher.mentions().stream().map(MentionReceived::mentionId).distinct())
                .hasSize(ROUNDS);
    }

    /**
     * The cause of the lost restarts: a poll in progress when its watcher stopped went on receiving
     * from the destroyed receiver, which reconnected and, as nothing was taken in any more, found the
     * same waiting mail over and over, holding the mailbox's only intake thread for good.
     */
    @Test
    void aDestroyedReceiverHandsNothingOverAndDoesNotConnectAgain() throws Exception {
        var receiver =
                new MailboxReceiver(server.mailbox, new MailboxHealth(server.mailbox.address()), Clock.systemUTC());
        var wakeups = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            receiver.setTaskScheduler(new org.springframework.scheduling.concurrent.ConcurrentTaskScheduler(wakeups));
            var defaults = new org.springframework.beans.factory.support.DefaultListableBeanFactory();
            defaults.registerSingleton(
                    org.springframework.integration.context.IntegrationContextUtils
                            .INTEGRATION_EVALUATION_CONTEXT_BEAN_NAME,
                    new org.springframework.expression.spel.support.StandardEvaluationContext());
            receiver.setBeanFactory(defaults);
            receiver.afterPropertiesSet();
            server.deliver(email(1));
            assertThat(receiver.receive()).as("before it is destroyed").hasSize(1);

            receiver.destroy();

            assertThat(receiver.receive()).as("after it is destroyed").isEmpty();
        } finally {
            wakeups.shutdownNow();
        }
    }

    @Test
    void aStoppedChannelTakesNothingInUntilItStartsAgain() {
        var m = server.mailbox;
        var mailbox = new EmailSettings.Mailbox(
                m.address(),
                null,
                m.imap(),
                m.smtp(),
                null,
                MailServer.PASSWORD,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMillis(300),
                false,
                null);
        channel = new EmailChannel(
                List.of(mailbox),
                Duration.ofSeconds(5),
                publisher,
                new InMemoryCheckpointStore(),
                Clock.systemUTC(),
                ChannelLeases.allOnThisInstance(),
                java.util.Map.of());
        channel.start();
        channel.stop();

        server.deliver(email(1));
        channel.start();

        awaitMention(1);
    }

    /**
     * The window behind the lost restarts, held open on purpose: the channel stops while a poll is
     * between finding waiting mail and handing it over. That poll must end, not go on finding the
     * mail it may no longer take in, so the next start's poll gets the mailbox's intake thread.
     */
    @Test
    void aPollCaughtByTheStopEndsSoThatTheNextStartTakesTheMailIn() throws Exception {
        var m = server.mailbox;
        var mailbox = new EmailSettings.Mailbox(
                m.address(),
                null,
                m.imap(),
                m.smtp(),
                null,
                MailServer.PASSWORD,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofMillis(300),
                false,
                null);
        var receiving = new HeldReceive();
        channel = new EmailChannel(
                List.of(mailbox),
                Duration.ofSeconds(5),
                publisher,
                new InMemoryCheckpointStore(),
                receiving,
                ChannelLeases.allOnThisInstance(),
                java.util.Map.of());
        server.deliver(email(1));

        channel.start();
        assertThat(receiving.found.await(20, java.util.concurrent.TimeUnit.SECONDS))
                .as("the first poll found the mail")
                .isTrue();
        channel.stop();
        receiving.letGo.countDown();
        channel.start();

        awaitMention(1);
    }

    /**
     * The system clock, except that the first time a receiver says it fetched (with mail found), that
     * receive is held until the test lets it go: a poll caught between finding mail and handing it over.
     */
    private static final class HeldReceive extends Clock {
        final java.util.concurrent.CountDownLatch found = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);

        @Override
        public java.time.Instant instant() {
            boolean inReceive = StackWalker.getInstance()
                    .walk(frames ->
                            frames.anyMatch(frame -> frame.getClassName().equals(MailboxReceiver.class.getName())
                                    && frame.getMethodName().equals("receive")));
            if (inReceive && found.getCount() > 0) {
                found.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Clock.systemUTC().instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** Waits for round n's mention; if it does not come, says what every thread was doing, to find where intake stands still. */
    private void awaitMention(int round) {
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> publisher.mentions().stream()
                            .anyMatch(mention -> mention.text().equals("Round " + round + ".")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            var dump = new StringBuilder("Threads when mention " + round + " did not come:\n");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append(thread).append(' ').append(thread.getState()).append('\n');
                for (var frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.out.println(dump);
            throw e;
        }
    }

    private static byte[] email(int n) {
        return ("From: patient" + n + "@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: Round " + n
                        + "\r\nMessage-ID: <round-" + n + "@example.org>\r\nContent-Type: text/plain\r\n\r\nRound " + n
                        + ".\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
