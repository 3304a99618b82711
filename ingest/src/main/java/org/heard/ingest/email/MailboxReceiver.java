package org.heard.ingest.email;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.Closeable;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.mail.inbound.ImapMailReceiver;
import org.springframework.integration.support.MessageBuilder;

/**
 * Spring Integration's IMAP receiver, set up for the no-loss rule: it opens the mailbox's folder,
 * searches for {@link WaitingMail} and hands over up to one batch of the server's own message
 * objects, without marking them \Seen, without copying them into memory and with the folder left
 * open, so that {@link MailboxIntake} reads, publishes and marks them itself once Kafka
 * acknowledged. The batch travels as one Spring Integration message (a {@code Message[]}
 * payload) whose closeable resource closes the folder once the batch is handled.
 *
 * <p>Should Spring Integration's own receive path run after all, the keyword it puts on what it
 * fetched is {@link #FETCHED}, which {@link WaitingMail} ignores: a crash after the fetch reads the
 * message again.
 */
final class MailboxReceiver extends ImapMailReceiver {

    /** The keyword Spring Integration sets when it fetched a message; informational only. */
    static final String FETCHED = "heard-fetched";

    /** Messages handed over at once; {@link MailboxIntake} reads them in slices of at most 32 MB. */
    static final int MAX_FETCH = MailboxIntake.BATCH;

    private final MailboxHealth health;
    private final Clock clock;
    /** The last batch was full, so more mail is surely waiting: no need to search before the next one. */
    private volatile boolean fullBatchLast;
    /** Destroyed with its watcher: it hands nothing over any more and never connects again. */
    private volatile boolean destroyed;

    MailboxReceiver(EmailSettings.Mailbox mailbox, MailboxHealth health, Clock clock) {
        super(MailSessions.imapUrl(mailbox).toString());
        this.health = health;
        this.clock = clock;
        setSession(MailSessions.imapSession(mailbox));
        setShouldMarkMessagesAsRead(false);
        setAutoCloseFolder(false);
        setSearchTermStrategy(new WaitingMail(mailbox));
        setMaxFetchSize(MAX_FETCH);
        setUserFlag(FETCHED);
        // \Flagged is what staff see as a star in their mail client: never set it behind their backs.
        setFlaggedAsFallback(false);
        // Servers drop idle connections silently: end each IDLE after the poll interval and look again.
        setCancelIdleInterval(Math.max(1, mailbox.pollInterval().toSeconds()));
    }

    /**
     * One batch of waiting mail as a single message, or nothing when none is waiting. Spring
     * Integration's own {@code receive()} would also keyword every fetched message, one STORE
     * round trip per message that means nothing to us (see docs/adr/0011): so this runs the same
     * steps (open the folder, search with the strategy, cap at the fetch size, fetch) and leaves
     * every mark on the server to {@link MailboxIntake}, after Kafka acknowledged.
     */
    @Override
    public Object[] receive() throws MessagingException {
        if (destroyed) {
            // A poll still running when its watcher stopped would otherwise reconnect here and, taking
            // nothing in (stopped), find the same mail again and again: it would never end, and hold the
            // mailbox's intake thread so that the next watcher never polls (a restart took nothing in).
            return new Object[0];
        }
        openFolder();
        Message[] waiting;
        try {
            waiting = searchForNewMessages();
            if (waiting.length > MAX_FETCH) {
                waiting = Arrays.copyOf(waiting, MAX_FETCH);
            }
            if (waiting.length > 0) {
                fetchMessages(waiting);
            }
        } catch (MessagingException | RuntimeException e) {
            closeFolder();
            throw e;
        }
        health.fetched(clock.instant());
        fullBatchLast = waiting.length == MAX_FETCH;
        if (waiting.length == 0) {
            closeFolder();
            return new Object[0];
        }
        return new Object[] {
            MessageBuilder.withPayload(waiting)
                    .setHeader(IntegrationMessageHeaderAccessor.CLOSEABLE_RESOURCE, (Closeable) this::closeFolder)
                    .build()
        };
    }

    /**
     * Spring Integration searches before each IDLE so that mail which arrived meanwhile is not
     * missed; after a full batch that search is spent for nothing, as the next receive searches
     * again anyway (a SEARCH walks the whole folder on some servers).
     */
    @Override
    public void waitForNewMessages() throws MessagingException {
        if (fullBatchLast) {
            openFolder();
            return;
        }
        super.waitForNewMessages();
    }

    @Override
    public void destroy() {
        destroyed = true;
        super.destroy();
    }

    /** What the intake needs to order and size a batch; the messages themselves are fetched in {@link MailboxIntake}. */
    @Override
    protected void fetchMessages(Message[] messages) throws MessagingException {
        var profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        getFolder().fetch(messages, profile);
    }
}
