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
        var mailbox = new EmailSettings.Mailbox(m.address(), null, m.imap(), m.smtp(), null, MailServer.PASSWORD, null,
                null, null, null, null, null, null, null, Duration.ofMillis(300), idle, null);
        channel = new EmailChannel(List.of(mailbox), Duration.ofSeconds(5), publisher, new InMemoryCheckpointStore(),
                Clock.systemUTC(), ChannelLeases.allOnThisInstance(), java.util.Map.of());

        for (int round = 1; round <= ROUNDS; round++) {
            channel.start();
            server.deliver(email(round));
            awaitMentions(round);
            channel.stop();
            assertThat(channel.isRunning()).isFalse();
        }

        assertThat(publisher.mentions()).extracting(MentionReceived::text)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, ROUNDS).mapToObj(n -> "Round " + n + ".").toList());
    }

    /**
     * The cause of the lost restarts: a poll in progress when its watcher stopped went on receiving
     * from the destroyed receiver, which reconnected and, as nothing was taken in any more, found the
     * same waiting mail over and over, holding the mailbox's only intake thread for good.
     */
    @Test
    void aDestroyedReceiverHandsNothingOverAndDoesNotConnectAgain() throws Exception {
        var receiver = new MailboxReceiver(server.mailbox, new MailboxHealth(server.mailbox.address()), Clock.systemUTC());
        var wakeups = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            receiver.setTaskScheduler(new org.springframework.scheduling.concurrent.ConcurrentTaskScheduler(wakeups));
            var defaults = new org.springframework.beans.factory.support.DefaultListableBeanFactory();
            defaults.registerSingleton(org.springframework.integration.context.IntegrationContextUtils.INTEGRATION_EVALUATION_CONTEXT_BEAN_NAME,
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
        var mailbox = new EmailSettings.Mailbox(m.address(), null, m.imap(), m.smtp(), null, MailServer.PASSWORD, null,
                null, null, null, null, null, null, null, Duration.ofMillis(300), false, null);
        channel = new EmailChannel(List.of(mailbox), Duration.ofSeconds(5), publisher, new InMemoryCheckpointStore(),
                Clock.systemUTC(), ChannelLeases.allOnThisInstance(), java.util.Map.of());
        channel.start();
        channel.stop();

        server.deliver(email(1));
        channel.start();

        awaitMentions(1);
    }

    /** Waits for the mentions; if they do not come, says what every thread was doing, to find where intake stands still. */
    private void awaitMentions(int count) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> publisher.mentions().size() == count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            var dump = new StringBuilder("Threads when mention " + count + " did not come:\n");
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
                        + "\r\nMessage-ID: <round-" + n + "@example.org>\r\nContent-Type: text/plain\r\n\r\nRound " + n + ".\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
