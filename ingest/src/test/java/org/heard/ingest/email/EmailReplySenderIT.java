package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Responder;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailReplySenderIT {

    private static final String PATIENT = "jo.bloggs@example.org";
    private static final MentionId MENTION = MentionId.of(Channel.EMAIL, "<first-1@mail.example.org>");
    private static final ConversationId CONVERSATION =
            ConversationId.startedBy(Channel.EMAIL, "<first-1@mail.example.org>");

    private final MailServer server = new MailServer("feedback@trust.nhs.uk");
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final MailIndex index = new MailIndex(store);
    private final MailboxHealth health = new MailboxHealth("feedback@trust.nhs.uk");

    @BeforeEach
    void patientWroteToUs() {
        server.addUser(PATIENT);
        index.rememberHeaders(
                MENTION,
                new ThreadHeaders(
                        "<first-1@mail.example.org>",
                        List.of("<root-0@mail.example.org>", "<first-1@mail.example.org>"),
                        "Your visit to Ward 5",
                        PATIENT,
                        "feedback@trust.nhs.uk"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EmailReplySender sender() {
        return new EmailReplySender(
                List.of(server.mailbox), Map.of(server.mailbox.address(), health), index, Clock.systemUTC());
    }

    private static ReplyRequested reply(String id) {
        return new ReplyRequested(
                new ReplyId(id),
                MENTION,
                CONVERSATION,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                new Responder("sam", "Sam Patel", "Patient Experience Lead"),
                "Dear Jo,\nI have asked the ward to call you today.",
                true,
                Instant.parse("2025-11-03T10:00:00Z"));
    }

    @Test
    void repliesInThePatientsThreadFromTheMailboxAddressSignedByTheResponder() throws Exception {
        SendResult result = sender().send(reply("reply-1"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        String ourId = ((SendResult.Sent) result).externalId();
        assertThat(ConversationToken.inMessageId(ourId)).contains(CONVERSATION);
        var received = server.inboxOf(PATIENT);
        assertThat(received).hasSize(1);
        var email = received.getFirst();
        assertThat(email.getMessageID()).isEqualTo(ourId);
        assertThat(email.getHeader("In-Reply-To", null)).isEqualTo("<first-1@mail.example.org>");
        assertThat(email.getHeader("References", null))
                .isEqualTo("<root-0@mail.example.org> <first-1@mail.example.org>");
        assertThat(email.getSubject())
                .isEqualTo("Re: Your visit to Ward 5 " + ConversationToken.subjectTag(CONVERSATION));
        assertThat(email.getFrom()[0].toString()).isEqualTo("Patient Experience <feedback@trust.nhs.uk>");
        assertThat(((String) email.getContent()).replace("\r\n", "\n").stripTrailing())
                .isEqualTo(
                        "Dear Jo,\nI have asked the ward to call you today.\n\n-- \nSam Patel, Patient Experience Lead\nPatient Experience");
        assertThat(server.flagsIn("Sent"))
                .singleElement()
                .satisfies(flags ->
                        assertThat(flags.contains(EmailReplySender.SENT)).isTrue());
        assertThat(index.isOurs(ourId)).isTrue();
        assertThat(health.status().outbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void sendsAReplyOnceEvenWhenAskedTwice() throws Exception {
        SendResult first = sender().send(reply("reply-2"));
        SendResult again = sender().send(reply("reply-2"));

        assertThat(again).isEqualTo(first);
        assertThat(server.inboxOf(PATIENT)).hasSize(1);
    }

    @Test
    void neverWritesTwiceWhenTheAppDiedMidSend() throws Exception {
        var dyingMidSend = new EmailReplySender(
                List.of(server.mailbox), Map.of(), index, Clock.systemUTC(), (transport, message) -> {
                    transport.sendMessage(message, message.getAllRecipients());
                    throw new IllegalStateException("process killed before it could record the outcome");
                });
        assertThatThrownBy(() -> dyingMidSend.send(reply("reply-3"))).isInstanceOf(IllegalStateException.class);

        SendResult afterRestart = sender().send(reply("reply-3"));

        assertThat(afterRestart)
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("may have reached the patient", "Sent"));
        assertThat(server.inboxOf(PATIENT)).hasSize(1);
    }

    @Test
    void sendsAfterARestartWhenTheEarlierAttemptNeverReachedTheServer() throws Exception {
        var neverSent = new EmailReplySender(
                List.of(server.mailbox), Map.of(), index, Clock.systemUTC(), (transport, message) -> {
                    throw new IllegalStateException("process killed before speaking SMTP");
                });
        assertThatThrownBy(() -> neverSent.send(reply("reply-4"))).isInstanceOf(IllegalStateException.class);
        // The copy was appended, so this attempt counts as "may have been sent" and is not repeated:
        assertThat(sender().send(reply("reply-4"))).isInstanceOf(SendResult.Rejected.class);

        index.recordAttempt(
                new ReplyId("reply-5"),
                new MailIndex.ReplyAttempt(
                        MailIndex.ReplyAttempt.State.SENDING,
                        ConversationToken.messageId(CONVERSATION, "never-appended", "trust.nhs.uk"),
                        ""));
        assertThat(sender().send(reply("reply-5"))).isInstanceOf(SendResult.Sent.class);
        assertThat(server.inboxOf(PATIENT)).hasSize(1);
    }

    @Test
    void anUnreachableMailServerIsRetryLaterAndTheRetrySendsOnce() throws Exception {
        var m = server.mailbox;
        var smtpDown = new EmailSettings.Mailbox(
                m.address(),
                m.displayName(),
                m.imap(),
                new EmailSettings.Server("127.0.0.1", closedPort(), EmailSettings.Security.NONE),
                m.username(),
                m.password(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null);
        var downHealth = new MailboxHealth(m.address());

        SendResult first = new EmailReplySender(
                        List.of(smtpDown), Map.of(m.address(), downHealth), index, Clock.systemUTC())
                .send(reply("reply-6"));

        assertThat(first).isInstanceOf(SendResult.RetryLater.class);
        assertThat(downHealth.status().outbound()).isEqualTo(ChannelState.FAILING);
        assertThat(sender().send(reply("reply-6"))).isInstanceOf(SendResult.Sent.class);
        assertThat(server.inboxOf(PATIENT)).hasSize(1);
        assertThat(server.flagsIn("Sent"))
                .singleElement()
                .satisfies(flags ->
                        assertThat(flags.contains(EmailReplySender.SENT)).isTrue());
    }

    @Test
    void rejectsAReplyToAnEmailItNeverTookIn() {
        var unknown = new ReplyRequested(
                new ReplyId("reply-7"),
                MentionId.of(Channel.EMAIL, "<nope@x>"),
                CONVERSATION,
                Channel.EMAIL,
                "feedback@trust.nhs.uk",
                new Responder("sam", "Sam Patel", null),
                "Hello",
                true,
                Instant.now());

        assertThat(sender().send(unknown)).isInstanceOf(SendResult.Rejected.class);
    }

    private static int closedPort() throws Exception {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
