package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Responder;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A whole conversation over a real mail server: patient emails, staff reply, the patient answers in several ways. */
class EmailThreadIT {

    private static final String PATIENT = "jo.bloggs@example.org";

    private final MailServer server = new MailServer("feedback@trust.nhs.uk");
    private final InMemoryCheckpointStore store = new InMemoryCheckpointStore();
    private final MailIndex index = new MailIndex(store);
    private final RecordingEventPublisher publisher = new RecordingEventPublisher();
    private final ScheduledExecutorService wakeups = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        wakeups.shutdownNow();
        server.close();
    }

    private List<MentionReceived> takeIn() throws Exception {
        int before = publisher.mentions().size();
        var health = new MailboxHealth(server.mailbox.address());
        var intake = new MailboxIntake(
                server.mailbox,
                new EmailMentions(index, Clock.systemUTC()),
                index,
                publisher,
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                AcceptedMail.NONE);
        new MailboxWatcher(server.mailbox, intake, health, wakeups, Clock.systemUTC()).drainOnce();
        return publisher.mentions().subList(before, publisher.mentions().size());
    }

    private static byte[] fromPatient(String messageId, String subject, String threadHeaders, String text) {
        return ("From: Jo Bloggs <" + PATIENT + ">\r\nTo: feedback@trust.nhs.uk\r\nSubject: " + subject + "\r\n"
                        + "Message-ID: " + messageId + "\r\n" + threadHeaders
                        + "Date: Mon, 3 Nov 2025 09:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                        + text + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsOneConversationAcrossSeveralRepliesAndNeverMergesAStranger() throws Exception {
        server.addUser(PATIENT);
        server.deliver(
                fromPatient("<first@jo.example>", "Ward 5", "", "Mum is still waiting for her discharge letter."));
        MentionReceived first = takeIn().getFirst();
        ConversationId conversation = first.conversationId();

        var sender = new EmailReplySender(List.of(server.mailbox), Map.of(), index, Clock.systemUTC());
        var result = sender.send(new ReplyRequested(
                new ReplyId("reply-1"),
                first.mentionId(),
                conversation,
                first.channel(),
                first.account(),
                new Responder("sam", "Sam Patel", "Patient Experience Lead"),
                "I have asked the ward to call you.",
                true,
                Instant.now()));
        String ourId = ((SendResult.Sent) result).externalId();
        MimeMessage ourReply = server.inboxOf(PATIENT).getFirst();

        // 1. A proper reply to our reply.
        server.deliver(fromPatient(
                "<second@jo.example>",
                "Re: " + ourReply.getSubject(),
                "In-Reply-To: " + ourId + "\r\nReferences: <first@jo.example> " + ourId + "\r\n",
                "Thank you, they called."));
        // 2. A client that keeps only In-Reply-To, to the patient's own last message.
        server.deliver(fromPatient(
                "<third@jo.example>", "Ward 5 again", "In-Reply-To: <second@jo.example>\r\n", "One more thing."));
        // 3. A client that drops every thread header but keeps the subject.
        server.deliver(fromPatient("<fourth@jo.example>", "Re: Re: " + ourReply.getSubject(), "", "And another."));
        // 4. Their out-of-office answering our reply.
        server.deliver(("From: " + PATIENT + "\r\nTo: feedback@trust.nhs.uk\r\nSubject: Automatic reply: "
                        + ourReply.getSubject()
                        + "\r\nMessage-ID: <ooo@jo.example>\r\nIn-Reply-To: " + ourId
                        + "\r\nAuto-Submitted: auto-replied\r\n"
                        + "Content-Type: text/plain\r\n\r\nI am away.\r\n")
                .getBytes(StandardCharsets.UTF_8));
        // 5. Our own reply coming back into the mailbox (a Bcc to ourselves): never a new mention.
        var copy = new ByteArrayOutputStream();
        ourReply.writeTo(copy);
        server.deliver(copy.toByteArray());
        // 6. A stranger writing about the same ward with the same subject.
        server.deliver(("From: someone.else@example.net\r\nTo: feedback@trust.nhs.uk\r\nSubject: Ward 5\r\n"
                        + "Message-ID: <stranger@else.example>\r\nContent-Type: text/plain\r\n\r\nLovely staff.\r\n")
                .getBytes(StandardCharsets.UTF_8));

        List<MentionReceived> later = takeIn();

        assertThat(later)
                .extracting(m -> m.attributes().get("messageId"))
                .containsExactly(
                        "<second@jo.example>",
                        "<third@jo.example>",
                        "<fourth@jo.example>",
                        "<ooo@jo.example>",
                        "<stranger@else.example>");
        assertThat(later.subList(0, 4))
                .allSatisfy(m -> assertThat(m.conversationId()).isEqualTo(conversation));
        assertThat(later.get(3).flags()).contains(MentionFlag.AUTO_REPLY);
        assertThat(later.get(4).conversationId()).isNotEqualTo(conversation);
        assertThat(server.flagsIn("INBOX"))
                .allSatisfy(flags ->
                        assertThat(flags.contains(MailboxIntake.PROCESSED)).isTrue());
    }
}
