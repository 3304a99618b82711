package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.MentionReceived;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded mail server tells the intake of new mail, so the demo mailbox is looked at then, not at its next poll. */
class MailArrivalsIT {

    /** Longer than any test may take: a look after the first one can only come from the server's word. */
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dataDir;

    private final ScheduledExecutorService wakeups = Executors.newSingleThreadScheduledExecutor();
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private EmbeddedMailServer server;
    private MailboxWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.stop();
        }
        if (server != null) {
            server.stop();
        }
        wakeups.shutdownNow();
    }

    private MailboxWatcher watching(EmbeddedMailServer told, MailArrivals arrivals) {
        var demo = told.mailbox();
        var mailbox = new EmailSettings.Mailbox(
                demo.address(),
                demo.displayName(),
                demo.imap(),
                demo.smtp(),
                demo.username(),
                null,
                demo.passwordFile(),
                demo.folder(),
                demo.sentFolder(),
                demo.processed(),
                demo.services(),
                demo.startDate(),
                demo.attachments(),
                demo.maxMessageSize(),
                NEVER,
                false,
                demo.authenticationServers());
        var index = new MailIndex(new InMemoryCheckpointStore());
        var intake = new MailboxIntake(
                mailbox,
                new EmailMentions(index, Clock.systemUTC()),
                index,
                publisher,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                told.spool());
        var health = new MailboxHealth(mailbox.address());
        var started = new MailboxWatcher(mailbox, intake, health, arrivals, wakeups, Clock.systemUTC());
        started.start();
        // The first look, at the start, finds the mailbox empty.
        await().atMost(Duration.ofMinutes(1)).until(() -> health.status().lastSuccessfulFetch() != null);
        return started;
    }

    private void send(String subject) throws Exception {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(server.smtpPort()));
        var email = new MimeMessage(Session.getInstance(properties));
        email.setFrom(new InternetAddress("patient@example.org"));
        email.setRecipients(Message.RecipientType.TO, server.mailbox().address());
        email.setSubject(subject);
        email.setText("Nobody came when my mum rang the bell.");
        Transport.send(email);
    }

    @Test
    void mailDeliveredToTheEmbeddedServerIsTakenInWithoutWaitingForThePoll() throws Exception {
        server = new EmbeddedMailServer(
                new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost"), dataDir);
        watcher = watching(server, server);

        send("Ward 7 last night");
        send("And again tonight");

        await().atMost(Duration.ofMinutes(1)).until(() -> publisher.mentions().size() == 2);
        assertThat(publisher.mentions())
                .extracting(MentionReceived::subject)
                .containsExactly("Ward 7 last night", "And again tonight");
        // Taken in and marked, so the copies on disk are let go of (just after the publisher had them).
        await().atMost(Duration.ofMinutes(1)).until(() -> server.spool().size() == 0);
    }

    @Test
    void aStoppedWatcherNoLongerListensForMail() throws Exception {
        server = new EmbeddedMailServer(
                new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost"), dataDir);
        var told = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new MailArrivals() {
            @Override
            public Runnable whenArrived(Runnable listener) {
                told.incrementAndGet();
                Runnable stopListening = server.whenArrived(listener);
                return () -> {
                    told.decrementAndGet();
                    stopListening.run();
                };
            }
        };
        watcher = watching(server, counting);
        assertThat(told).hasValue(1);

        watcher.stop();

        assertThat(told).hasValue(0);
    }
}
