package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;
import org.heard.ingest.channel.ChannelState;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EmbeddedMailServerIT {

    private static final String[] WARD_5 = {
        "heard.channel.email.mailboxes[0].address=ward5@trust.nhs.uk",
        "heard.channel.email.mailboxes[0].imap.host=127.0.0.1",
        "heard.channel.email.mailboxes[0].imap.port=1",
        "heard.channel.email.mailboxes[0].smtp.host=127.0.0.1",
        "heard.channel.email.mailboxes[0].smtp.port=1"
    };

    @TempDir
    Path dataDir;

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withUserConfiguration(EmailChannelConfiguration.class)
                .withBean(EventPublisher.class, () -> publisher)
                .withBean(CheckpointStore.class, InMemoryCheckpointStore::new)
                .withPropertyValues(
                        "heard.data-dir=" + dataDir,
                        "heard.channel.email.embedded.smtp-port=0",
                        "heard.channel.email.embedded.imap-port=0");
    }

    @Test
    void withoutAMailboxTheDeskRunsALocalMailServerAndTakesInWhatIsSentToIt() {
        runner().run(context -> {
            var server = context.getBean(EmbeddedMailServer.class);
            var channel = context.getBean(EmailChannel.class);
            assertThat(channel.mailboxes())
                    .extracting(EmailSettings.Mailbox::address)
                    .containsExactly("feedback@heard.localhost");

            send(server, "Hello desk", "The waiting room was freezing.");

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> publisher.mentions().size() == 1);
            MentionReceived mention = publisher.mentions().getFirst();
            assertThat(mention.text()).isEqualTo("The waiting room was freezing.");
            assertThat(mention.account()).isEqualTo("feedback@heard.localhost");
            assertThat(context.getBeansOfType(org.heard.ingest.channel.ChannelConnector.class)
                            .values())
                    .singleElement()
                    .satisfies(connector -> {
                        assertThat(connector.status().inbound()).isEqualTo(ChannelState.HEALTHY);
                        assertThat(connector.status().lastSuccessfulFetch()).isNotNull();
                    });
            Path passwordFile = dataDir.resolve("email/embedded-mailbox.password");
            assertThat(Files.readString(passwordFile)).hasSizeGreaterThan(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
        });
    }

    @Test
    void takesMailInAgainAfterItsContextWasStoppedAndStarted() {
        runner().run(context -> {
            var server = context.getBean(EmbeddedMailServer.class);
            send(server, "Before the stop", "The first one.");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> publisher.mentions().size() == 1);

            context.getSourceApplicationContext().stop();
            context.getSourceApplicationContext().start();
            send(server, "After the start", "The waiting room was freezing.");

            // Not "two mentions": a stop between publishing and marking the first leaves it to be read
            // again after the start, under its own id, so the count may pass two without ever being two.
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> publisher.mentions().stream()
                            .anyMatch(mention -> mention.text().equals("The waiting room was freezing.")));
            assertThat(publisher.mentions().stream()
                            .map(MentionReceived::mentionId)
                            .distinct())
                    .hasSize(2);
        });
    }

    private static void send(EmbeddedMailServer server, String subject, String text) throws Exception {
        Transport.send(email(new MimeMessage(smtp(server)), "feedback@heard.localhost", subject, text));
    }

    private static Session smtp(EmbeddedMailServer server) {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(server.smtpPort()));
        return Session.getInstance(properties);
    }

    private static MimeMessage email(MimeMessage email, String to, String subject, String text) throws Exception {
        email.setFrom(new InternetAddress("newcomer@example.org"));
        email.setRecipients(Message.RecipientType.TO, to);
        email.setSubject(subject);
        email.setText(text);
        return email;
    }

    /**
     * The loss: GreenMail keeps mail in memory, so mail it had said 250 to was gone after a
     * crash. Here the server goes away without the intake having read anything, and a new one on
     * the same data directory must have every accepted email in its mailbox.
     */
    @Test
    void everyEmailItSaid250ToIsInTheMailboxAgainAfterItWentAway() throws Exception {
        var settings = new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost");
        var before = new EmbeddedMailServer(settings, dataDir);
        for (int n = 1; n <= 20; n++) {
            send(before, "Visit " + n, "Message " + n + ".");
        }
        before.stop();

        var after = new EmbeddedMailServer(settings, dataDir);
        try {
            assertThat(subjectsInTheMailboxOf(after)).hasSize(20).contains("Visit 1", "Visit 20");
        } finally {
            after.stop();
        }
    }

    /**
     * A copy is let go of once the intake took its email in. A crash between the intake's mark and
     * that is harmless: the copy is put back and read again as the same mention, also when the
     * email has no Message-ID (its id then comes from its content, which the copy keeps exactly).
     */
    @Test
    void letsGoOfACopyOnceTakenInAndACopyReadAgainIsTheSameMention() throws Exception {
        var settings = new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost");
        var checkpoints = new InMemoryCheckpointStore();
        var first = new EmbeddedMailServer(settings, dataDir);
        send(first, "With an id", "Message one.");
        sendWithoutMessageId(first, "Without an id", "Message two.");
        assertThat(first.spool().size()).isEqualTo(2);

        // Taken in, but the process dies before the copies are let go of.
        var beforeTheCrash = new RecordingEventPublisher();
        drain(first, checkpoints, beforeTheCrash, AcceptedMail.NONE);
        first.stop();

        var second = new EmbeddedMailServer(settings, dataDir);
        try {
            var afterTheRestart = new RecordingEventPublisher();
            drain(second, checkpoints, afterTheRestart, second.spool());

            assertThat(afterTheRestart.mentions())
                    .extracting(MentionReceived::mentionId)
                    .containsExactlyInAnyOrderElementsOf(beforeTheCrash.mentions().stream()
                            .map(MentionReceived::mentionId)
                            .toList())
                    .hasSize(2);
            assertThat(beforeTheCrash.mentions())
                    .anySatisfy(mention -> assertThat(mention.externalId()).endsWith("@no-message-id.heard>"));
            assertThat(second.spool().size()).isZero();
        } finally {
            second.stop();
        }
    }

    private static void drain(
            EmbeddedMailServer server,
            InMemoryCheckpointStore checkpoints,
            RecordingEventPublisher publisher,
            AcceptedMail accepted)
            throws Exception {
        var index = new MailIndex(checkpoints);
        var intake = new MailboxIntake(
                server.mailbox(),
                new EmailMentions(index, java.time.Clock.systemUTC()),
                index,
                publisher,
                java.time.Clock.systemUTC(),
                Duration.ofSeconds(5),
                accepted);
        var wakeups = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            new MailboxWatcher(
                            server.mailbox(),
                            intake,
                            new MailboxHealth(server.mailbox().address()),
                            wakeups,
                            java.time.Clock.systemUTC())
                    .drainOnce();
        } finally {
            wakeups.shutdownNow();
        }
    }

    private static void sendWithoutMessageId(EmbeddedMailServer server, String subject, String text) throws Exception {
        var email = new MimeMessage(smtp(server)) {
            @Override
            protected void updateMessageID() {
                // An old mail client's: no Message-ID at all.
            }
        };
        Transport.send(email(email, "feedback@heard.localhost", subject, text));
    }

    /** GreenMail cannot store a message whose Content-Type it cannot parse; a real server can, so this one does too. */
    @Test
    void storesAMessageGreenMailCannotParseAsText() throws Exception {
        var mention = theMentionOf("From: odd@example.org\r\nTo: feedback@heard.localhost\r\nSubject: Odd type\r\n"
                + "Message-ID: <odd-type@example.org>\r\nContent-Type: ;;;===\"\r\n\r\nThe ward was lovely.\r\n");

        assertThat(mention.text()).isEqualTo("The ward was lovely.");
        assertThat(mention.flags()).contains(MentionFlag.PART_UNREADABLE);
    }

    /** Only the server writes what a sender's Content-Type was: a sender's own claim would change how its email is read. */
    @Test
    void ignoresASendersOwnClaimOfAnOriginalContentType() throws Exception {
        var mention = theMentionOf("From: odd@example.org\r\nTo: feedback@heard.localhost\r\nSubject: Claimed type\r\n"
                + "Message-ID: <claimed-type@example.org>\r\n" + SpoolingGreenMail.ORIGINAL_CONTENT_TYPE + ": ;;;\r\n"
                + "Content-Type: text/plain\r\n\r\nThe ward was lovely.\r\n");

        assertThat(mention.text()).isEqualTo("The ward was lovely.");
        assertThat(mention.flags()).doesNotContain(MentionFlag.PART_UNREADABLE);
    }

    /** Sends these bytes to an embedded server and takes its mailbox in: the one mention it gave. */
    private MentionReceived theMentionOf(String raw) throws Exception {
        var settings = new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost");
        var server = new EmbeddedMailServer(settings, dataDir);
        try {
            sendAsIs(server, raw);
            var taken = new RecordingEventPublisher();
            drain(server, new InMemoryCheckpointStore(), taken, server.spool());
            assertThat(taken.mentions()).hasSize(1);
            return taken.mentions().getFirst();
        } finally {
            server.stop();
        }
    }

    /** Sends the message's bytes as they are; the client library must not stumble on them before the server sees them. */
    private static void sendAsIs(EmbeddedMailServer server, String raw) throws Exception {
        var session = smtp(server);
        try (var transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(
                    new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))) {
                        @Override
                        public String getContentType() {
                            return "text/plain";
                        }
                    },
                    new InternetAddress[] {new InternetAddress("feedback@heard.localhost")});
        }
    }

    @Test
    void refusesMailForAnAddressItDoesNotWatchInsteadOfLosingIt() throws Exception {
        var settings = new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost");
        var server = new EmbeddedMailServer(settings, dataDir);
        try {
            var email = email(
                    new MimeMessage(smtp(server)),
                    "ward5@heard.localhost",
                    "Wrong address",
                    "Nobody reads this mailbox.");

            assertThatThrownBy(() -> Transport.send(email))
                    .isInstanceOf(jakarta.mail.SendFailedException.class)
                    .hasStackTraceContaining("550");
        } finally {
            server.stop();
        }
    }

    /** The desk replies to a patient through this server: signed in as the mailbox, any address is taken. */
    @Test
    void takesTheDesksOwnRepliesToAnyAddressButNotWithAWrongPassword() throws Exception {
        var settings = new EmailSettings.Embedded(true, "127.0.0.1", 0, 0, "feedback@heard.localhost");
        var server = new EmbeddedMailServer(settings, dataDir);
        try {
            var reply = email(
                    new MimeMessage(signedIn(server)),
                    "patient@mail.example",
                    "Re: The waiting room",
                    "I am sorry it was so cold.");
            reply.setFrom(new InternetAddress("feedback@heard.localhost"));
            Transport.send(reply, "feedback@heard.localhost", server.mailbox().secret());
            assertThat(subjectsInTheMailboxOf(server)).doesNotContain("Re: The waiting room");

            var forged = email(
                    new MimeMessage(signedIn(server)), "patient@mail.example", "Re: Forged", "Not from the desk.");
            assertThatThrownBy(() -> Transport.send(forged, "feedback@heard.localhost", "not the password"))
                    .isInstanceOf(jakarta.mail.MessagingException.class);
        } finally {
            server.stop();
        }
    }

    private static Session signedIn(EmbeddedMailServer server) {
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(server.smtpPort()));
        properties.setProperty("mail.smtp.auth", "true");
        return Session.getInstance(properties);
    }

    private static List<String> subjectsInTheMailboxOf(EmbeddedMailServer server) throws Exception {
        try (Store store = MailSessions.connectImap(server.mailbox())) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            var subjects = new ArrayList<String>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        }
    }

    @Test
    void movesToFreePortsWhenTheConfiguredOnesAreTaken() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            runner().withPropertyValues("heard.channel.email.embedded.smtp-port=" + taken.getLocalPort())
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        var server = context.getBean(EmbeddedMailServer.class);
                        assertThat(server.smtpPort())
                                .isNotEqualTo(taken.getLocalPort())
                                .isPositive();
                        assertThat(server.mailbox().smtp().port()).isEqualTo(server.smtpPort());
                    });
        }
    }

    @Test
    void aConfiguredMailboxReplacesTheEmbeddedServer() {
        runner().withPropertyValues(WARD_5)
                .withPropertyValues("heard.channel.email.mailboxes[0].services[0]=ward-5")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(EmbeddedMailServer.class);
                    var mailbox =
                            context.getBean(EmailChannel.class).mailboxes().getFirst();
                    assertThat(mailbox.address()).isEqualTo("ward5@trust.nhs.uk");
                    assertThat(mailbox.imap().security()).isEqualTo(EmailSettings.Security.STARTTLS);
                    assertThat(mailbox.services()).containsExactly("ward-5");
                    assertThat(mailbox.folder()).isEqualTo("INBOX");
                    assertThat(context.getBeansOfType(org.heard.ingest.channel.ChannelConnector.class)
                                    .values())
                            .extracting(connector -> connector.status().account())
                            .containsExactly("ward5@trust.nhs.uk");
                });
    }

    @Test
    void refusesAMailboxWithBothAPasswordAndAPasswordFile() {
        runner().withPropertyValues(WARD_5)
                .withPropertyValues(
                        "heard.channel.email.mailboxes[0].password=from-env",
                        "heard.channel.email.mailboxes[0].password-file=/run/secrets/mail")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void staysOffOnInstancesWithoutTheIngestRole() {
        runner().withPropertyValues("heard.roles=desk").run(context -> {
            assertThat(context).doesNotHaveBean(EmailChannel.class);
            assertThat(context).doesNotHaveBean(EmbeddedMailServer.class);
        });
    }
}
