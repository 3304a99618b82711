package org.heard.ingest.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/**
 * Takes one mailbox folder's waiting mail onto Kafka, oldest first. Each message is marked
 * processed on the server (a keyword, or a move) only after Kafka acknowledged it; a crash in
 * between re-reads it next time, and its deterministic mention id makes that harmless. (A message
 * re-read after a failed publish may reach Kafka after later ones of its batch; mentions carry
 * their sent time, which is what the desk orders by.) Mail that
 * cannot be read is published as a dead letter and marked as such, so the mailbox keeps flowing.
 */
final class MailboxIntake {

    /** Keywords on the server: what we took in, and what we could not. */
    static final String PROCESSED = "heard-processed";

    static final String DEAD_LETTERED = "heard-dead-lettered";

    /** Dead letters travel on Kafka: the raw copy is cut here and the whole message stays on the server. */
    static final int MAX_DEAD_LETTER_BYTES = 512 * 1024;

    /**
     * Messages fetched, published and marked together. Large, because a server's cost is per
     * command as much as per message (GreenMail's FETCH and STORE each walk the whole folder).
     */
    static final int BATCH = 500;

    static final long BATCH_BYTES = 32L * 1024 * 1024;

    private final EmailSettings.Mailbox mailbox;
    private final EmailMentions reader;
    private final MailIndex index;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration ackTimeout;
    private final AcceptedMail accepted;

    /** @param accepted copies of this mailbox's mail kept elsewhere until taken in (the embedded server's spool) */
    MailboxIntake(
            EmailSettings.Mailbox mailbox,
            EmailMentions reader,
            MailIndex index,
            EventPublisher publisher,
            Clock clock,
            Duration ackTimeout,
            AcceptedMail accepted) {
        this.accepted = accepted;
        this.mailbox = mailbox;
        this.reader = reader;
        this.index = index;
        this.publisher = publisher;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Takes in one batch the receiver found waiting, oldest first, in slices of at most {@link
     * #BATCH_BYTES}: a slice's messages are fetched together, published together, and those Kafka
     * acknowledged are marked together, so a server round trip is paid per slice rather than per
     * message.
     *
     * @return how many messages were handled
     * @throws NotAcknowledged when Kafka did not take a record: the acknowledged ones are marked,
     *     the rest stay unmarked to be read again
     * @throws MessagingException when the server connection fails
     */
    int take(Message[] batch) throws MessagingException, NotAcknowledged {
        if (batch.length == 0) {
            return 0;
        }
        var folder = (IMAPFolder) batch[0].getFolder();
        Message[] waiting = batch.clone();
        Arrays.sort(waiting, Comparator.comparingLong(message -> uid(folder, message)));
        int handled = 0;
        int from = 0;
        while (from < waiting.length) {
            int to = batchEnd(waiting, from);
            handled += takeBatch(folder, Arrays.copyOfRange(waiting, from, to));
            from = to;
        }
        return handled;
    }

    /** Up to {@link #BATCH} messages, and no more than {@link #BATCH_BYTES} of them in memory at once. */
    private int batchEnd(Message[] waiting, int from) throws MessagingException {
        long bytes = 0;
        int to = from;
        while (to < waiting.length && to - from < BATCH) {
            int size = Math.max(0, waiting[to].getSize());
            if (to > from && bytes + size > BATCH_BYTES) {
                break;
            }
            bytes += size;
            to++;
        }
        return to;
    }

    private int takeBatch(IMAPFolder folder, Message[] batch) throws MessagingException, NotAcknowledged {
        long limit = mailbox.maxMessageSize().toBytes();
        Message[] readable = Arrays.stream(batch)
                .filter(message -> !message.isExpunged() && sizeOf(message) <= limit)
                .toArray(Message[]::new);
        var whole = new FetchProfile();
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        folder.fetch(readable, whole);

        var pending = new ArrayList<Pending>();
        for (Message message : batch) {
            if (message.isExpunged()) {
                continue;
            }
            pending.add(take(folder, (MimeMessage) message, limit));
        }
        var processed = new ArrayList<Message>();
        var deadLettered = new ArrayList<Message>();
        NotAcknowledged firstFailure = null;
        for (Pending item : pending) {
            try {
                if (item.acknowledgement() != null) {
                    await(item.acknowledgement());
                }
                (item.deadLetter() ? deadLettered : processed).add(item.message());
            } catch (NotAcknowledged e) {
                if (e.tooLarge() && !item.deadLetter() && deadLetteredInstead(folder, item, e)) {
                    deadLettered.add(item.message());
                } else {
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
        }
        if (!deadLettered.isEmpty()) {
            folder.setFlags(deadLettered.toArray(Message[]::new), new Flags(DEAD_LETTERED), true);
        }
        if (!processed.isEmpty()) {
            markProcessed(folder, processed.toArray(Message[]::new));
        }
        letGoOfCopies(pending, processed, deadLettered);
        if (firstFailure != null) {
            throw firstFailure;
        }
        return pending.size();
    }

    /**
     * Reads one message and starts publishing what it became; marking waits for the acknowledgement.
     * A message over the size limit is read part by part on the server: its text becomes a mention
     * and the message stays where it is for the rest.
     */
    private Pending take(IMAPFolder folder, MimeMessage message, long limit) throws MessagingException {
        long uid = folder.getUID(message);
        int size = message.getSize();
        boolean oversize = size > limit;
        byte[] raw = oversize ? null : rawOf(message);
        Reading reading = oversize
                ? reader.readOversize(message, size, mailbox, mailbox.folder() + ", UID " + uid)
                : reader.read(raw, mailbox);
        return switch (reading) {
            case Reading.Mention(var mention, var headers) -> {
                index.rememberHeaders(mention.mentionId(), headers);
                yield new Pending(message, uid, raw, publish(Topics.MENTIONS, mention), false);
            }
            case Reading.OurOwn ignored -> new Pending(message, uid, raw, null, false);
            case Reading.Unreadable(var reason) ->
                oversize
                        ? deadLetter(
                                folder,
                                message,
                                uid,
                                headersOf(message),
                                "message is " + EmailMentions.megabytes(size)
                                        + ", over the " + EmailMentions.megabytes(limit) + " limit, and " + reason
                                        + ": its headers are kept here, the whole message stays in " + mailbox.folder()
                                        + " (UID " + uid
                                        + ") flagged " + DEAD_LETTERED)
                        : deadLetter(folder, message, uid, raw, reason);
        };
    }

    /** Marked on the server, for good: whoever kept a copy until now may let go of it. */
    private void letGoOfCopies(List<Pending> pending, List<Message> processed, List<Message> deadLettered) {
        if (accepted == AcceptedMail.NONE) {
            return;
        }
        Set<Message> marked = Collections.newSetFromMap(new IdentityHashMap<>());
        marked.addAll(processed);
        marked.addAll(deadLettered);
        var ids = new ArrayList<String>();
        for (Pending item : pending) {
            if (marked.contains(item.message())) {
                String id = item.raw() != null ? accepted.idIn(item.raw()) : headerOf(item.message(), MailSpool.HEADER);
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        accepted.takenIn(ids);
    }

    private static String headerOf(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * A mention Kafka refused as too large is never going to fit: rather than read it again at every
     * poll, it becomes a dead letter (headers and the start of the message) and the message is
     * marked as such, staying whole on the server.
     */
    private boolean deadLetteredInstead(IMAPFolder folder, Pending item, NotAcknowledged refusal)
            throws MessagingException {
        byte[] kept = item.raw() != null
                ? Arrays.copyOf(item.raw(), Math.min(item.raw().length, MAX_DEAD_LETTER_BYTES / 8))
                : headersOf((MimeMessage) item.message());
        var letter = deadLetter(
                folder,
                (MimeMessage) item.message(),
                item.uid(),
                kept,
                "the mention is larger than Kafka accepts (" + refusal.getMessage() + "): the whole message stays in "
                        + mailbox.folder() + " (UID " + item.uid() + ") flagged " + DEAD_LETTERED);
        try {
            await(letter.acknowledgement());
            return true;
        } catch (NotAcknowledged e) {
            return false;
        }
    }

    private Pending deadLetter(IMAPFolder folder, MimeMessage message, long uid, byte[] raw, String reason)
            throws MessagingException {
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
        var letter = DeadLettered.ofBytes(id, mailbox.source(), reason, kept, context, clock.instant());
        return new Pending(message, uid, raw, publish(Topics.DEAD_LETTERS, letter), true);
    }

    private <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
        try {
            return publisher.publish(topic, record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A message read and on its way to Kafka; {@code acknowledgement} is null when nothing needs
     * publishing, {@code raw} null when the message was too big to download.
     */
    private record Pending(
            Message message, long uid, byte[] raw, CompletableFuture<Void> acknowledgement, boolean deadLetter) {}

    private void await(CompletableFuture<Void> acknowledgement) throws NotAcknowledged {
        try {
            acknowledgement.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledged("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new NotAcknowledged(
                    "Kafka refused the record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotAcknowledged("Kafka did not acknowledge within " + ackTimeout, e);
        } catch (RuntimeException e) {
            throw new NotAcknowledged("publishing failed: " + e.getMessage(), e);
        }
    }

    private void markProcessed(IMAPFolder folder, Message[] messages) throws MessagingException {
        // Flag first, in both modes: if a move fails half-way, the copy left behind is not taken in twice.
        folder.setFlags(messages, new Flags(PROCESSED), true);
        if (mailbox.processed().mode() == EmailSettings.Processed.Mode.MOVE) {
            Folder target = folder.getStore().getFolder(mailbox.processed().moveTo());
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            if (((org.eclipse.angus.mail.imap.IMAPStore) folder.getStore()).hasCapability("MOVE")) {
                folder.moveMessages(messages, target);
            } else {
                folder.copyMessages(messages, target);
                folder.setFlags(messages, new Flags(Flags.Flag.DELETED), true);
                folder.expunge(messages);
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

    private static long sizeOf(Message message) {
        try {
            return message.getSize();
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
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

        /** Kafka refused the record for its size: trying again will not help. */
        boolean tooLarge() {
            for (Throwable cause = getCause();
                    cause != null;
                    cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof RecordTooLargeException) {
                    return true;
                }
            }
            return false;
        }
    }
}
