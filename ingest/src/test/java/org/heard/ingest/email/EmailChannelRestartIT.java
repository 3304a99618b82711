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
                Clock.systemUTC(), ChannelLeases.allOnThisInstance());

        for (int round = 1; round <= 3; round++) {
            channel.start();
            server.deliver(email(round));
            int expected = round;
            await().atMost(Duration.ofSeconds(20)).until(() -> publisher.mentions().size() == expected);
            channel.stop();
            assertThat(channel.isRunning()).isFalse();
        }

        assertThat(publisher.mentions()).extracting(MentionReceived::text)
                .containsExactly("Round 1.", "Round 2.", "Round 3.");
    }

    @Test
    void aStoppedChannelTakesNothingInUntilItStartsAgain() {
        var m = server.mailbox;
        var mailbox = new EmailSettings.Mailbox(m.address(), null, m.imap(), m.smtp(), null, MailServer.PASSWORD, null,
                null, null, null, null, null, null, null, Duration.ofMillis(300), false, null);
        channel = new EmailChannel(List.of(mailbox), Duration.ofSeconds(5), publisher, new InMemoryCheckpointStore(),
                Clock.systemUTC(), ChannelLeases.allOnThisInstance());
        channel.start();
        channel.stop();

        server.deliver(email(1));
        channel.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> publisher.mentions().size() == 1);
    }

    private static byte[] email(int n) {
        return ("From: patient" + n + "@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: Round " + n
                        + "\r\nMessage-ID: <round-" + n + "@example.org>\r\nContent-Type: text/plain\r\n\r\nRound " + n + ".\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
