package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.ingest.channel.ChannelState;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MailboxIntakeIT {

    private final MailServer server = new MailServer("feedback@trust.nhs.uk");
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final ScheduledExecutorService wakeups = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        wakeups.shutdownNow();
        server.close();
    }

    private MailboxWatcher watcher(EmailSettings.Mailbox mailbox, EventPublisher publisher, MailboxHealth health) {
        var index = new MailIndex(store);
        var intake = new MailboxIntake(
                mailbox,
                new EmailMentions(index, Clock.systemUTC()),
                index,
                publisher,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                AcceptedMail.NONE);
        return new MailboxWatcher(mailbox, intake, health, wakeups, Clock.systemUTC());
    }

    private int drain(EventPublisher publisher) throws Exception {
        return watcher(server.mailbox, publisher, new MailboxHealth(server.mailbox.address()))
                .drainOnce();
    }

    private static byte[] email(int n) {
        return ("From: Patient " + n + " <patient" + n + "@example.org>\r\n"
                        + "To: feedback@trust.nhs.uk\r\n"
                        + "Subject: Visit " + n + "\r\n"
                        + "Message-ID: <visit-" + n + "@example.org>\r\n"
                        + "Date: Mon, 3 Nov 2025 09:00:00 +0000\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                        + "Message number " + n + ".\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<Flags> inbox() throws Exception {
        return server.flagsIn("INBOX");
    }

    @Test
    void takesInMailAlreadyWaitingAndMarksItProcessed() throws Exception {
        for (int n = 1; n <= 3; n++) {
            server.deliver(email(n));
        }
        var publisher = new RecordingEventPublisher();

        assertThat(drain(publisher)).isEqualTo(3);

        assertThat(publisher.mentions())
                .extracting(MentionReceived::text)
                .containsExactly("Message number 1.", "Message number 2.", "Message number 3.");
        assertThat(inbox())
                .allSatisfy(flags ->
                        assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
        assertThat(drain(publisher)).isZero();
        // Staff reading the same mailbox in their own client still see the mail as unread.
        assertThat(inbox())
                .noneSatisfy(
                        flags -> assertThat(flags.contains(Flags.Flag.SEEN)).isTrue());
    }

    @Test
    void leavesMailUnmarkedWhenKafkaDoesNotAcknowledge() throws Exception {
        server.deliver(email(1));
        var health = new MailboxHealth(server.mailbox.address());

        assertThatThrownBy(() -> watcher(server.mailbox, new RecordingEventPublisher().failAfter(0), health)
                        .drainOnce())
                .isInstanceOf(MailboxIntake.NotAcknowledged.class);

        assertThat(inbox())
                .singleElement()
                .satisfies(flags -> assertThat(flags.getUserFlags()).isEmpty());
    }

    @Test
    void restartInTheMiddleOfABatchLosesAndDoublesNothing() throws Exception {
        int total = 20;
        for (int n = 1; n <= total; n++) {
            server.deliver(email(n));
        }
        var beforeCrash = new RecordingEventPublisher().failAfter(7);
        assertThatThrownBy(() -> drain(beforeCrash)).isInstanceOf(MailboxIntake.NotAcknowledged.class);
        assertThat(beforeCrash.mentions()).hasSize(7);

        var afterRestart = new RecordingEventPublisher();
        assertThat(drain(afterRestart)).isEqualTo(total - 7);

        Map<MentionId, Long> published = java.util.stream.Stream.concat(
                        beforeCrash.mentions().stream(), afterRestart.mentions().stream())
                .collect(Collectors.groupingBy(MentionReceived::mentionId, Collectors.counting()));
        assertThat(published)
                .hasSize(total)
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(inbox())
                .hasSize(total)
                .allSatisfy(flags ->
                        assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
    }

    @Test
    void aLostAcknowledgementRepeatsTheSameMentionIdSoTheRepeatIsHarmless() throws Exception {
        for (int n = 1; n <= 5; n++) {
            server.deliver(email(n));
        }
        var kafka = new RecordingEventPublisher();
        // The broker stores the third record but the answer never reaches us, as in a crash right after the ack.
        EventPublisher ackLostOnThird = new EventPublisher() {
            private int calls;

            @Override
            public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                kafka.publish(topic, record);
                return ++calls == 3
                        ? CompletableFuture.failedFuture(new IllegalStateException("connection reset"))
                        : CompletableFuture.completedFuture(null);
            }
        };
        assertThatThrownBy(() -> drain(ackLostOnThird)).isInstanceOf(MailboxIntake.NotAcknowledged.class);
        assertThat(drain(kafka)).isEqualTo(1);

        var ids = kafka.mentions().stream().map(MentionReceived::mentionId).toList();
        assertThat(ids).hasSize(6);
        assertThat(ids.stream().distinct()).hasSize(5);
        assertThat(inbox())
                .allSatisfy(flags ->
                        assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
    }

    @Test
    void badPartsAreLeftOutTheRestIsTakenInAndTheMailboxKeepsFlowing() throws Exception {
        server.deliver(email(1));
        server.deliver(Samples.raw("malformed-multipart.eml"));
        server.deliver(Samples.raw("invalid-charset.eml"));
        server.deliver(scansAttached(27));
        server.deliver(oneTextPartOf(50));
        server.deliver("\r\n\u0001\u0002\u0003\r\n".getBytes(StandardCharsets.US_ASCII));
        server.deliver(email(2));
        var publisher = new RecordingEventPublisher();

        assertThat(drain(publisher)).isEqualTo(7);

        Map<String, MentionReceived> byMessageId = publisher.mentions().stream()
                .collect(Collectors.toMap(
                        mention -> mention.attributes().getOrDefault("messageId", "?"), Function.identity()));
        assertThat(byMessageId)
                .containsOnlyKeys(
                        "<visit-1@example.org>",
                        "<broken-1@example.org>",
                        "<charset-1@example.org>",
                        "<scans-27@example.org>",
                        "<text-50@example.org>",
                        "<visit-2@example.org>");
        assertThat(byMessageId.get("<charset-1@example.org>").text()).isEqualTo("Hello.");
        assertThat(byMessageId.get("<broken-1@example.org>").flags()).contains(MentionFlag.PART_UNREADABLE);
        var scans = byMessageId.get("<scans-27@example.org>");
        assertThat(scans.text()).isEqualTo("My scans are attached, please pass them to Dr Shah.");
        assertThat(scans.flags()).contains(MentionFlag.PART_UNREADABLE);
        assertThat(scans.attributes().get("attachments"))
                .startsWith("scans.tiff | image/tiff | about ")
                .contains("stays in the mailbox");
        assertThat(scans.attributes().get("oversize"))
                .startsWith("27.0 MB, over the 25.0 MB limit")
                .contains("INBOX, UID 4");
        var text = byMessageId.get("<text-50@example.org>");
        assertThat(text.subject()).isEqualTo("A very long letter");
        assertThat(text.attributes().get("unreadableParts"))
                .contains("text/plain of")
                .contains("was not read");

        assertThat(publisher.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).startsWith("not an email");
            assertThat(letter.source()).isEqualTo("email:feedback@trust.nhs.uk");
            assertThat(letter.payloadEncoding()).isEqualTo("base64");
        });
        assertThat(inbox())
                .extracting(f -> f.contains(MailboxIntake.DEAD_LETTERED))
                .containsExactly(false, false, false, false, false, true, false);
        assertThat(inbox())
                .extracting(f -> f.contains(MailboxIntake.PROCESSED))
                .containsExactly(true, true, true, true, true, false, true);
        assertThat(drain(publisher)).isZero();
    }

    @Test
    void aMentionKafkaRefusesAsTooLargeBecomesADeadLetterAndIsNotReadAgain() throws Exception {
        server.deliver(email(1));
        server.deliver(email(2));
        var publisher = new RecordingEventPublisher();
        publisher.refuse(
                record -> record instanceof MentionReceived mention
                        && mention.text().equals("Message number 1."),
                () -> new org.apache.kafka.common.errors.RecordTooLargeException(
                        "The message is 1300000 bytes when serialized"));

        assertThat(drain(publisher)).isEqualTo(2);

        assertThat(publisher.mentions()).extracting(MentionReceived::text).containsExactly("Message number 2.");
        assertThat(publisher.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.reason())
                    .startsWith("the mention is larger than Kafka accepts")
                    .contains("UID 1");
            assertThat(letter.context()).containsEntry("messageId", "<visit-1@example.org>");
        });
        assertThat(inbox())
                .extracting(f -> f.contains(MailboxIntake.DEAD_LETTERED))
                .containsExactly(true, false);
        assertThat(drain(publisher)).as("nothing is read again").isZero();
    }

    /** A short note with a big scan attached: over the mailbox's 25 MB limit. */
    private static byte[] scansAttached(int megabytes) {
        var scan = new StringBuilder(megabytes * 1024 * 1024 + 100);
        String line = "A".repeat(76) + "\r\n";
        while (scan.length() < megabytes * 1024 * 1024) {
            scan.append(line);
        }
        return ("From: scans@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: Scans\r\nMessage-ID: <scans-"
                        + megabytes
                        + "@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nMy scans are attached, please pass them to Dr Shah.\r\n"
                        + "--b\r\nContent-Type: image/tiff\r\nContent-Disposition: attachment; filename=scans.tiff\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n" + scan + "--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** One text part bigger than the mailbox's limit: its words are not read, the sender and subject are. */
    private static byte[] oneTextPartOf(int megabytes) {
        var body = new StringBuilder(megabytes * 1024 * 1024 + 200);
        String line = "x".repeat(998) + "\r\n";
        while (body.length() < megabytes * 1024 * 1024) {
            body.append(line);
        }
        return ("From: long@example.org\r\nTo: feedback@trust.nhs.uk\r\nSubject: A very long letter\r\nMessage-ID: <text-"
                        + megabytes + "@example.org>\r\nContent-Type: text/plain\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void recordsAutoRepliesFlaggedSoNothingAnswersThem() throws Exception {
        server.deliver(Samples.raw("out-of-office.eml"));
        server.deliver(Samples.raw("bounce.eml"));
        var publisher = new RecordingEventPublisher();

        drain(publisher);

        assertThat(publisher.mentions())
                .extracting(MentionReceived::flags)
                .satisfiesExactly(
                        flags -> assertThat(flags).contains(MentionFlag.AUTO_REPLY),
                        flags -> assertThat(flags).contains(MentionFlag.BOUNCE));
        assertThat(publisher.mentions()).allMatch(MentionReceived::automatic);
    }

    @Test
    void movesProcessedMailToTheConfiguredFolder() throws Exception {
        var moving = withProcessed(
                server.mailbox,
                new EmailSettings.Processed(EmailSettings.Processed.Mode.MOVE, "Heard/Processed"),
                null);
        server.deliver(email(1));
        server.deliver(email(2));
        var publisher = new RecordingEventPublisher();

        assertThat(watcher(moving, publisher, new MailboxHealth(moving.address()))
                        .drainOnce())
                .isEqualTo(2);

        assertThat(inbox()).isEmpty();
        assertThat(server.flagsIn("Heard/Processed")).hasSize(2);
        assertThat(publisher.mentions()).hasSize(2);
    }

    @Test
    void leavesMailReceivedBeforeTheStartDateAlone() throws Exception {
        var fromTomorrow = withProcessed(
                server.mailbox, server.mailbox.processed(), LocalDate.now().plusDays(2));
        server.deliver(email(1));

        assertThat(watcher(fromTomorrow, new RecordingEventPublisher(), new MailboxHealth("x@y"))
                        .drainOnce())
                .isZero();
        assertThat(drain(new RecordingEventPublisher())).isOne();
    }

    @Test
    void pollingWatcherTakesInNewMailAsItArrivesAndReportsItsHealth() throws Exception {
        var m = server.mailbox;
        // Polling, as on the embedded server: GreenMail's IDLE misses mail that lands while IDLE is starting.
        var polling = new EmailSettings.Mailbox(
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
                Duration.ofMillis(200),
                false,
                null);
        var publisher = new RecordingEventPublisher();
        var health = new MailboxHealth(server.mailbox.address());
        var watcher = watcher(polling, publisher, health);
        watcher.start();
        try {
            server.deliver(email(1));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> publisher.mentions().size() == 1);
            server.deliver(email(2));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> publisher.mentions().size() == 2);

            assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
            assertThat(health.status().lastSuccessfulFetch()).isNotNull();
        } finally {
            watcher.stop();
        }
    }

    @Test
    void idleWatcherTakesInMailAsSoonAsItArrivesLongBeforeThePollInterval() throws Exception {
        var m = server.mailbox;
        // Five minutes between polls (and between IDLE restarts): mail can arrive within seconds only through IDLE.
        var idling = new EmailSettings.Mailbox(
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
                Duration.ofMinutes(5),
                true,
                null);
        var publisher = new RecordingEventPublisher();
        var health = new MailboxHealth(m.address());
        var watcher = watcher(idling, publisher, health);
        server.deliver(email(1));
        watcher.start();
        try {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> publisher.mentions().size() == 1);
            assertThat(watcher.idling()).isTrue();

            for (int n = 2; n <= 3; n++) {
                await().atMost(Duration.ofSeconds(15)).until(() -> server.clientsIdlingOnInbox() == 1);
                server.deliver(email(n));
                int expected = n;
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> publisher.mentions().size() == expected);
            }

            assertThat(publisher.mentions())
                    .extracting(MentionReceived::text)
                    .containsExactly("Message number 1.", "Message number 2.", "Message number 3.");
            assertThat(inbox())
                    .allSatisfy(flags ->
                            assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
            assertThat(health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        } finally {
            watcher.stop();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.clientsIdlingOnInbox() == 0);
    }

    @Test
    void watcherReportsARefusedLoginAndKeepsTrying() throws Exception {
        var wrongPassword = new EmailSettings.Mailbox(
                server.mailbox.address(),
                null,
                server.mailbox.imap(),
                server.mailbox.smtp(),
                null,
                "wrong",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Duration.ofSeconds(1),
                false,
                null);
        var health = new MailboxHealth(wrongPassword.address());
        var watcher = watcher(wrongPassword, new RecordingEventPublisher(), health);
        watcher.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> health.status().inbound() == ChannelState.AUTH_FAILED);
            assertThat(health.status().detail()).contains("login refused").doesNotContain("wrong");
        } finally {
            watcher.stop();
        }
    }

    private static EmailSettings.Mailbox withProcessed(
            EmailSettings.Mailbox m, EmailSettings.Processed processed, LocalDate startDate) {
        return new EmailSettings.Mailbox(
                m.address(),
                m.displayName(),
                m.imap(),
                m.smtp(),
                m.username(),
                m.password(),
                m.passwordFile(),
                m.folder(),
                m.sentFolder(),
                processed,
                m.services(),
                startDate,
                m.attachments(),
                DataSize.ofMegabytes(25),
                m.pollInterval(),
                m.idle(),
                m.authenticationServers());
    }
}
