package org.heard.ingest.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/**
 * Takes one mailbox folder's waiting mail onto Kafka, oldest first. Each message is marked
 * processed on the server (a keyword, or a move) only after Kafka acknowledged it; a crash in
 * between re-reads it next time, and its deterministic mention id makes that harmless. Mail that
 * cannot be read is published as a dead letter and marked as such, so the mailbox keeps flowing.
 */
final class MailboxIntake {

    /** Keywords on the server: what we took in, and what we could not. */
    static final String PROCESSED = "heard-processed";

    static final String DEAD_LETTERED = "heard-dead-lettered";

    /** Dead letters travel on Kafka: the raw copy is cut here and the whole message stays on the server. */
    static final int MAX_DEAD_LETTER_BYTES = 512 * 1024;

    private final EmailSettings.Mailbox mailbox;
    private final EmailReader reader;
    private final MailIndex index;
    private final EventPublisher publisher;
    private final MailboxHealth health;
    private final Clock clock;
    private final Duration ackTimeout;

    MailboxIntake(
            EmailSettings.Mailbox mailbox,
            EmailReader reader,
            MailIndex index,
            EventPublisher publisher,
            MailboxHealth health,
            Clock clock,
            Duration ackTimeout) {
        this.mailbox = mailbox;
        this.reader = reader;
        this.index = index;
        this.publisher = publisher;
        this.health = health;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Takes in everything waiting in the open folder.
     *
     * @return how many messages were handled
     * @throws NotAcknowledged when Kafka did not take a message: the batch stops there, unmarked, to be read again
     * @throws MessagingException when the server connection fails
     */
    int drain(IMAPFolder folder) throws MessagingException, NotAcknowledged {
        Message[] waiting = folder.search(waitingMail());
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        folder.fetch(waiting, profile);
        Arrays.sort(waiting, Comparator.comparingLong(message -> uid(folder, message)));
        int handled = 0;
        for (Message message : waiting) {
            if (message.isExpunged()) {
                continue;
            }
            take(folder, (MimeMessage) message);
            handled++;
        }
        health.fetched(clock.instant());
        return handled;
    }

    private SearchTerm waitingMail() {
        SearchTerm term = new AndTerm(new SearchTerm[] {
            new NotTerm(new FlagTerm(new Flags(PROCESSED), true)),
            new NotTerm(new FlagTerm(new Flags(DEAD_LETTERED), true)),
            new NotTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), true))
        });
        if (mailbox.startDate() != null) {
            var since = Date.from(mailbox.startDate().atStartOfDay(ZoneOffset.UTC).toInstant());
            term = new AndTerm(term, new ReceivedDateTerm(ComparisonTerm.GE, since));
        }
        return term;
    }

    private void take(IMAPFolder folder, MimeMessage message) throws MessagingException, NotAcknowledged {
        long uid = folder.getUID(message);
        int size = message.getSize();
        long limit = mailbox.maxMessageSize().toBytes();
        if (size > limit) {
            byte[] headers = headersOf(message);
            deadLetter(folder, message, uid, headers, "message is " + megabytes(size) + ", over the "
                    + megabytes(limit) + " limit: its headers are kept here, the whole message stays in "
                    + mailbox.folder() + " (UID " + uid + ") flagged " + DEAD_LETTERED);
            return;
        }
        byte[] raw = rawOf(message);
        switch (reader.read(raw, mailbox)) {
            case Reading.Mention(var mention, var headers) -> {
                index.rememberHeaders(mention.mentionId(), headers);
                await(Topics.MENTIONS, mention);
                markProcessed(folder, message);
            }
            case Reading.OurOwn ignored -> markProcessed(folder, message);
            case Reading.Unreadable(var reason) -> deadLetter(folder, message, uid, raw, reason);
        }
    }

    private void deadLetter(IMAPFolder folder, MimeMessage message, long uid, byte[] raw, String reason)
            throws MessagingException, NotAcknowledged {
        boolean cut = raw.length > MAX_DEAD_LETTER_BYTES;
        byte[] kept = cut ? Arrays.copyOf(raw, MAX_DEAD_LETTER_BYTES) : raw;
        Map<String, String> context = new LinkedHashMap<>();
        context.put("mailbox", mailbox.address());
        context.put("folder", mailbox.folder());
        context.put("uid", Long.toString(uid));
        context.put("uidValidity", Long.toString(folder.getUIDValidity()));
        context.put("size", Integer.toString(message.getSize()));
        String messageId = safeMessageId(message);
        if (messageId != null) {
            context.put("messageId", messageId);
        }
        if (cut) {
            context.put("truncated", "payload is the first " + MAX_DEAD_LETTER_BYTES + " bytes");
        }
        // The id is the message's place on the server, so dead-lettering it again after a crash is one record.
        String id = mailbox.source() + ":" + mailbox.folder() + ":" + folder.getUIDValidity() + ":" + uid;
        var letter = new DeadLettered(
                id, mailbox.source(), reason, "base64", Base64.getEncoder().encodeToString(kept), context, clock.instant());
        await(Topics.DEAD_LETTERS, letter);
        message.setFlags(new Flags(DEAD_LETTERED), true);
    }

    private <T> void await(Topic<T> topic, T record) throws NotAcknowledged {
        try {
            publisher.publish(topic, record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new NotAcknowledged("Kafka refused the record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotAcknowledged("Kafka did not acknowledge within " + ackTimeout, e);
        } catch (RuntimeException e) {
            throw new NotAcknowledged("publishing failed: " + e.getMessage(), e);
        }
    }

    private void markProcessed(IMAPFolder folder, MimeMessage message) throws MessagingException {
        switch (mailbox.processed().mode()) {
            case FLAG -> message.setFlags(new Flags(PROCESSED), true);
            case MOVE -> {
                Folder target = folder.getStore().getFolder(mailbox.processed().moveTo());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                // Flag first: if the move fails half-way, the copy left behind is still not taken in twice.
                message.setFlags(new Flags(PROCESSED), true);
                if (((org.eclipse.angus.mail.imap.IMAPStore) folder.getStore()).hasCapability("MOVE")) {
                    folder.moveMessages(new Message[] {message}, target);
                } else {
                    folder.copyMessages(new Message[] {message}, target);
                    message.setFlag(Flags.Flag.DELETED, true);
                    folder.expunge(new Message[] {message});
                }
            }
        }
    }

    private static byte[] rawOf(MimeMessage message) throws MessagingException {
        var out = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("could not read message from the server", e);
        }
        return out.toByteArray();
    }

    private static byte[] headersOf(MimeMessage message) throws MessagingException {
        var out = new StringBuilder();
        for (String line : Collections.list(message.getAllHeaderLines())) {
            out.append(line).append("\r\n");
        }
        return out.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String safeMessageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Kafka did not take a record; nothing after it is marked, so it is all read again. */
    static final class NotAcknowledged extends Exception {
        NotAcknowledged(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
