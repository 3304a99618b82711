package org.heard.ingest.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.heard.ingest.channel.ChannelState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one mailbox's intake going: drains the folder, then waits with IMAP IDLE where the server
 * has it (woken at least every poll interval, as servers drop idle connections silently) or polls
 * otherwise. Connection and Kafka failures are reported in the mailbox's health and retried with a
 * growing pause; they never stop the watcher.
 */
final class MailboxWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final EmailSettings.Mailbox mailbox;
    private final MailboxIntake intake;
    private final MailboxHealth health;
    private final ScheduledExecutorService wakeups;
    private final Object pause = new Object();
    private volatile boolean running = true;
    private volatile IMAPFolder current;

    MailboxWatcher(EmailSettings.Mailbox mailbox, MailboxIntake intake, MailboxHealth health, ScheduledExecutorService wakeups) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.health = health;
        this.wakeups = wakeups;
    }

    /** Connects, takes in what is waiting, disconnects: for tests, the benchmark and a manual catch-up. */
    int drainOnce() throws MessagingException, MailboxIntake.NotAcknowledged {
        try (Store store = MailSessions.connectImap(mailbox)) {
            IMAPFolder folder = open(store);
            try {
                return intake.drain(folder);
            } finally {
                folder.close(true);
            }
        }
    }

    @Override
    public void run() {
        Duration retry = FIRST_RETRY;
        while (running) {
            try (Store store = MailSessions.connectImap(mailbox)) {
                IMAPFolder folder = open(store);
                current = folder;
                boolean idle = mailbox.idle() && ((IMAPStore) store).hasCapability("IDLE");
                while (running) {
                    drainUntilEmpty(folder);
                    retry = FIRST_RETRY;
                    retry = FIRST_RETRY;
                    if (idle) {
                        idleUntilMailOrTimeout(folder);
                    } else {
                        sleep(mailbox.pollInterval());
                    }
                }
            } catch (AuthenticationFailedException e) {
                health.inboundFailed(ChannelState.AUTH_FAILED, "IMAP login refused for " + mailbox.username()
                        + ": check heard.channel.email mailbox " + mailbox.address() + " password");
                log.warn("Mailbox {}: IMAP login refused", mailbox.address());
                retry = Duration.ofMinutes(1);
            } catch (MailboxIntake.NotAcknowledged e) {
                health.inboundFailed(ChannelState.FAILING, e.getMessage() + "; retrying");
                log.warn("Mailbox {}: {}", mailbox.address(), e.getMessage());
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    health.inboundFailed(ChannelState.FAILING, "IMAP: " + e.getMessage() + "; retrying");
                    log.warn("Mailbox {}: IMAP failed: {}", mailbox.address(), e.toString());
                }
            } finally {
                current = null;
            }
            if (running) {
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(mailbox.pollInterval()) > 0 ? mailbox.pollInterval() : retry.multipliedBy(2);
            }
        }
    }

    /**
     * Mail that arrives while we are busy is announced to us before IDLE starts, and some servers
     * never repeat that inside IDLE: so drain until a pass finds nothing, ask the server for what
     * it has queued (NOOP), and look once more. The poll-interval wake-up covers what is left.
     */
    private void drainUntilEmpty(IMAPFolder folder) throws MessagingException, MailboxIntake.NotAcknowledged {
        do {
            while (intake.drain(folder) > 0 && running) {
                // keep going: the batch we just took may not be the last
            }
            folder.doCommand(protocol -> {
                protocol.noop();
                return null;
            });
        } while (running && intake.drain(folder) > 0);
    }

    private IMAPFolder open(Store store) throws MessagingException {
        var folder = (IMAPFolder) store.getFolder(mailbox.folder());
        folder.open(Folder.READ_WRITE);
        return folder;
    }

    private void idleUntilMailOrTimeout(IMAPFolder folder) throws MessagingException {
        // Any other call on the folder ends an IDLE; this one wakes us when nothing has happened for a while.
        ScheduledFuture<?> wake = wakeups.schedule(() -> touch(folder), mailbox.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    private static void touch(IMAPFolder folder) {
        try {
            // doCommand ends a running IDLE before it runs; getMessageCount would not within a second of the last command.
            folder.doCommand(protocol -> null);
        } catch (MessagingException | RuntimeException e) {
            // The watcher's own loop sees the broken connection and reconnects.
        }
    }

    private void sleep(Duration duration) {
        synchronized (pause) {
            try {
                if (running) {
                    pause.wait(Math.max(1, duration.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    void stop() {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        IMAPFolder folder = current;
        if (folder != null) {
            touch(folder);
        }
    }
}
