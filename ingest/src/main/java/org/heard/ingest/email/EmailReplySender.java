package org.heard.ingest.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.heard.contracts.Channel;
import org.heard.contracts.ReplyRequested;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;

/**
 * Sends staff replies by SMTP in the patient's thread (In-Reply-To, References, "Re:" subject),
 * from the mailbox that received the email, signed with the responder's name and role.
 *
 * <p>At most once, even across a crash mid-send: the attempt is recorded durably and a copy is
 * appended to the mailbox's Sent folder (keyword {@code heard-sending}) before SMTP is spoken;
 * once the server accepted it the copy gets {@code heard-sent}. A retry whose earlier outcome is
 * unknown looks in the Sent folder: never appended means never sent, so it sends; appended but
 * not confirmed means it may have gone out, so it is rejected for a person to check rather than
 * risk writing to a patient twice.
 */
public final class EmailReplySender implements ReplySender {

    static final String SENDING = "heard-sending";
    static final String SENT = "heard-sent";

    private final Map<String, EmailSettings.Mailbox> mailboxes;
    private final Map<String, MailboxHealth> health;
    private final MailIndex index;
    private final Clock clock;
    private final Transmission transmission;

    EmailReplySender(
            List<EmailSettings.Mailbox> mailboxes, Map<String, MailboxHealth> health, MailIndex index, Clock clock) {
        this(
                mailboxes,
                health,
                index,
                clock,
                (transport, message) -> transport.sendMessage(message, message.getAllRecipients()));
    }

    EmailReplySender(
            List<EmailSettings.Mailbox> mailboxes,
            Map<String, MailboxHealth> health,
            MailIndex index,
            Clock clock,
            Transmission transmission) {
        this.mailboxes = new java.util.HashMap<>();
        mailboxes.forEach(m -> this.mailboxes.put(m.address().toLowerCase(Locale.ROOT), m));
        this.health = health;
        this.index = index;
        this.clock = clock;
        this.transmission = transmission;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(ReplyRequested reply) {
        if (reply.channel() != Channel.EMAIL) {
            return new SendResult.Rejected("not an email reply: " + reply.channel());
        }
        Optional<ThreadHeaders> thread = index.headersOf(reply.mentionId());
        if (thread.isEmpty()) {
            return new SendResult.Rejected(
                    "the email being answered (" + reply.mentionId() + ") is unknown to the email channel");
        }
        ThreadHeaders headers = thread.get();
        String account = reply.account() != null ? reply.account() : headers.mailbox();
        EmailSettings.Mailbox mailbox = account == null ? null : mailboxes.get(account.toLowerCase(Locale.ROOT));
        if (mailbox == null) {
            return new SendResult.Rejected("no mailbox " + account + " is configured to send from");
        }
        if (headers.replyTo() == null) {
            return new SendResult.Rejected("the email being answered has no sender address to reply to");
        }
        String messageId = ConversationToken.messageId(reply.conversationId(), uniquePart(reply), mailbox.domain());

        var earlier = index.attemptOf(reply.replyId());
        if (earlier.isPresent()) {
            var attempt = earlier.get();
            switch (attempt.state()) {
                case SENT -> {
                    return new SendResult.Sent(attempt.messageId(), Instant.parse(attempt.detail()));
                }
                case SENDING -> {
                    Optional<SendResult> settled = settleUnknownOutcome(reply, mailbox, attempt.messageId());
                    if (settled.isPresent()) {
                        return settled.get();
                    }
                }
                case FAILED -> {}
            }
        }
        return sendNow(reply, mailbox, headers, messageId);
    }

    /** The earlier attempt's fate, if the Sent folder tells it; empty when it never reached SMTP. */
    private Optional<SendResult> settleUnknownOutcome(
            ReplyRequested reply, EmailSettings.Mailbox mailbox, String messageId) {
        try (Store store = MailSessions.connectImap(mailbox)) {
            Folder sent = store.getFolder(mailbox.sentFolder());
            if (!sent.exists()) {
                return Optional.empty();
            }
            sent.open(Folder.READ_ONLY);
            try {
                Message[] copies = sent.search(new MessageIDTerm(messageId));
                for (Message copy : copies) {
                    if (messageId.equals(((MimeMessage) copy).getMessageID())
                            && copy.getFlags().contains(SENT)) {
                        Instant at = copy.getSentDate() == null
                                ? clock.instant()
                                : copy.getSentDate().toInstant();
                        index.recordAttempt(
                                reply.replyId(),
                                new MailIndex.ReplyAttempt(
                                        MailIndex.ReplyAttempt.State.SENT, messageId, at.toString()));
                        return Optional.of(new SendResult.Sent(messageId, at));
                    }
                }
                for (Message copy : copies) {
                    if (messageId.equals(((MimeMessage) copy).getMessageID())) {
                        return Optional.of(new SendResult.Rejected(
                                "an earlier attempt was interrupted after it started sending; it may "
                                        + "have reached the patient. Check " + mailbox.sentFolder() + " of "
                                        + mailbox.address()
                                        + " for " + messageId + " before sending again as a new reply"));
                    }
                }
                return Optional.empty();
            } finally {
                sent.close(false);
            }
        } catch (MessagingException e) {
            return Optional.of(new SendResult.RetryLater(
                    Duration.ofMinutes(1), "cannot check whether an interrupted attempt was sent: " + e.getMessage()));
        }
    }

    private SendResult sendNow(
            ReplyRequested reply, EmailSettings.Mailbox mailbox, ThreadHeaders headers, String messageId) {
        MimeMessage message;
        Session session = MailSessions.smtpSession(mailbox);
        try {
            message = compose(session, reply, mailbox, headers, messageId);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new SendResult.Rejected("cannot write this reply as an email: " + e.getMessage());
        }
        index.rememberOurs(messageId, reply.replyId());
        index.recordAttempt(
                reply.replyId(), new MailIndex.ReplyAttempt(MailIndex.ReplyAttempt.State.SENDING, messageId, ""));
        Transmitted transmitted = null;
        try (Store store = MailSessions.connectImap(mailbox)) {
            Folder sent = store.getFolder(mailbox.sentFolder());
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            sent.open(Folder.READ_WRITE);
            try {
                message.setFlags(new Flags(SENDING), true);
                sent.appendMessages(new Message[] {message});
                transmitted = transmit(session, mailbox, message, reply, messageId);
                confirmCopy(sent, messageId, transmitted);
                return transmitted.result();
            } finally {
                sent.close(true);
            }
        } catch (MessagingException e) {
            if (transmitted != null) {
                // SMTP has spoken and the attempt record says so; the Sent copy's keyword is only bookkeeping.
                return transmitted.result();
            }
            // Nothing reached SMTP when the Sent folder cannot be written: trying again is safe.
            failed(reply, messageId, "cannot save to " + mailbox.sentFolder());
            markOutbound(mailbox, ChannelState.FAILING, "IMAP for the Sent folder: " + e.getMessage());
            return new SendResult.RetryLater(
                    Duration.ofMinutes(1), "cannot save the reply to " + mailbox.sentFolder() + ": " + e.getMessage());
        }
    }

    /** What SMTP said, and whether we know for certain if the patient got it. */
    private record Transmitted(SendResult result, boolean certain) {
        static Transmitted certainly(SendResult result) {
            return new Transmitted(result, true);
        }
    }

    private Transmitted transmit(
            Session session,
            EmailSettings.Mailbox mailbox,
            MimeMessage message,
            ReplyRequested reply,
            String messageId) {
        Transport transport;
        try {
            transport = MailSessions.connectSmtp(session, mailbox);
        } catch (AuthenticationFailedException e) {
            failed(reply, messageId, "SMTP login refused");
            markOutbound(mailbox, ChannelState.AUTH_FAILED, "SMTP login refused for " + mailbox.username());
            return Transmitted.certainly(new SendResult.RetryLater(
                    Duration.ofMinutes(15), "the mail server refused our login: renew the mailbox password"));
        } catch (MessagingException e) {
            failed(reply, messageId, "SMTP unreachable");
            markOutbound(mailbox, ChannelState.FAILING, "SMTP unreachable: " + e.getMessage());
            return Transmitted.certainly(
                    new SendResult.RetryLater(Duration.ofMinutes(1), "mail server unreachable: " + e.getMessage()));
        }
        try (transport) {
            transmission.send(transport, message);
        } catch (MessagingException e) {
            int code = replyCode(e);
            if (code >= 500) {
                failed(reply, messageId, "refused " + code);
                markOutbound(mailbox, ChannelState.HEALTHY, "");
                return Transmitted.certainly(
                        new SendResult.Rejected("the mail server refused the reply (" + code + "): " + e.getMessage()));
            }
            if (code >= 400) {
                failed(reply, messageId, "deferred " + code);
                return Transmitted.certainly(new SendResult.RetryLater(
                        Duration.ofMinutes(5), "the mail server deferred the reply (" + code + "): " + e.getMessage()));
            }
            // No reply code: the connection broke mid-send and the server may have taken it. Left as SENDING on
            // purpose.
            markOutbound(mailbox, ChannelState.FAILING, "SMTP connection lost mid-send");
            return new Transmitted(
                    new SendResult.RetryLater(
                            Duration.ofMinutes(1),
                            "connection lost while sending; the next attempt " + "checks " + mailbox.sentFolder()
                                    + " before sending again"),
                    false);
        }
        Instant sentAt = clock.instant();
        index.recordAttempt(
                reply.replyId(),
                new MailIndex.ReplyAttempt(MailIndex.ReplyAttempt.State.SENT, messageId, sentAt.toString()));
        markOutbound(mailbox, ChannelState.HEALTHY, "");
        return Transmitted.certainly(new SendResult.Sent(messageId, sentAt));
    }

    /** The Sent copy says what happened: confirmed, or removed when the server refused it for certain. */
    private static void confirmCopy(Folder sent, String messageId, Transmitted transmitted) throws MessagingException {
        if (!transmitted.certain()) {
            return;
        }
        for (Message copy : sent.search(new MessageIDTerm(messageId))) {
            if (transmitted.result() instanceof SendResult.Sent) {
                copy.setFlags(new Flags(SENT), true);
            } else {
                copy.setFlag(Flags.Flag.DELETED, true);
            }
        }
    }

    private MimeMessage compose(
            Session session,
            ReplyRequested reply,
            EmailSettings.Mailbox mailbox,
            ThreadHeaders headers,
            String messageId)
            throws MessagingException, UnsupportedEncodingException {
        var message = new OwnIdMessage(session, messageId);
        message.setFrom(new InternetAddress(mailbox.address(), mailbox.displayName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(headers.replyTo(), false));
        message.setSubject(subjectFor(headers.subject(), reply), StandardCharsets.UTF_8.name());
        if (headers.messageId() != null) {
            message.setHeader("In-Reply-To", headers.messageId());
        }
        if (!headers.references().isEmpty()) {
            message.setHeader("References", String.join(" ", lastReferences(headers.references())));
        }
        message.setSentDate(Date.from(clock.instant()));
        String signature = reply.responder().signature()
                + (mailbox.displayName() == null || mailbox.displayName().isBlank()
                        ? ""
                        : "\n" + mailbox.displayName());
        message.setText(reply.text().strip() + "\n\n-- \n" + signature + "\n", StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    static String subjectFor(String original, ReplyRequested reply) {
        String subject = original == null || original.isBlank() ? "Your message" : original.strip();
        if (!subject.regionMatches(true, 0, "Re:", 0, 3)) {
            subject = "Re: " + subject;
        }
        String tag = ConversationToken.subjectTag(reply.conversationId());
        return tag.isEmpty() || subject.contains(tag) ? subject : subject + " " + tag;
    }

    /** Long threads: the root and the latest messages are what clients use (RFC 5322 3.6.4). */
    private static List<String> lastReferences(List<String> references) {
        if (references.size() <= 20) {
            return references;
        }
        var kept = new java.util.ArrayList<String>();
        kept.add(references.getFirst());
        kept.addAll(references.subList(references.size() - 19, references.size()));
        return kept;
    }

    private static int replyCode(MessagingException e) {
        Exception current = e;
        while (current != null) {
            if (current instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof SMTPSenderFailedException failed) {
                return failed.getReturnCode();
            }
            if (current instanceof MailConnectException) {
                return 421;
            }
            current = current instanceof MessagingException m ? m.getNextException() : null;
        }
        return e instanceof SendFailedException ? 550 : -1;
    }

    private void failed(ReplyRequested reply, String messageId, String why) {
        index.recordAttempt(
                reply.replyId(), new MailIndex.ReplyAttempt(MailIndex.ReplyAttempt.State.FAILED, messageId, why));
    }

    private void markOutbound(EmailSettings.Mailbox mailbox, ChannelState state, String detail) {
        MailboxHealth mailboxHealth = health.get(mailbox.address());
        if (mailboxHealth == null) {
            return;
        }
        if (state == ChannelState.HEALTHY) {
            mailboxHealth.sent();
        } else {
            mailboxHealth.outboundFailed(state, detail);
        }
    }

    /** The same reply always gets the same Message-ID, so every check of an earlier attempt finds it. */
    private static String uniquePart(ReplyRequested reply) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(reply.replyId().value().getBytes(StandardCharsets.UTF_8));
            return "r" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Speaks SMTP for one message; a seam so a test can die mid-send the way a crashed process would. */
    @FunctionalInterface
    interface Transmission {
        void send(Transport transport, MimeMessage message) throws MessagingException;
    }

    /** A message that keeps the Message-ID we chose instead of getting a random one on save. */
    private static final class OwnIdMessage extends MimeMessage {
        private final String messageId;

        OwnIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
