package org.heard.ingest.email;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.AccountPoller;
import org.heard.ingest.channel.ChannelAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one mailbox's watcher on its own thread while this instance holds the mailbox's lease. */
final class MailboxPoller implements AccountPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    /** After this, a watcher still busy is interrupted, which closes its connection. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EmailSettings.Mailbox mailbox;
    private final MailboxIntake intake;
    private final MailboxHealth health;
    private final ScheduledExecutorService wakeups;
    private MailboxWatcher watcher;
    private Thread thread;

    MailboxPoller(EmailSettings.Mailbox mailbox, MailboxIntake intake, MailboxHealth health, ScheduledExecutorService wakeups) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.health = health;
        this.wakeups = wakeups;
    }

    @Override
    public ChannelAccount account() {
        return new ChannelAccount(Channel.EMAIL, mailbox.address());
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        // A stopped watcher stays stopped: each stretch of holding the mailbox gets a new one.
        watcher = new MailboxWatcher(mailbox, intake, health, wakeups);
        thread = Thread.ofVirtual().name("email-intake-" + mailbox.address()).start(watcher);
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        watcher.stop();
        try {
            if (!thread.join(PATIENCE)) {
                log.warn("Mailbox {}: intake still busy after {}; interrupting it", mailbox.address(), PATIENCE);
                thread.interrupt();
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        watcher = null;
    }
}
