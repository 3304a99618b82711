package org.heard.ingest.email;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.AccountPoller;
import org.heard.ingest.channel.ChannelAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one mailbox's watcher while this instance holds the mailbox's lease. */
final class MailboxPoller implements AccountPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    /** How long a batch in flight may take to finish after the lease went. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final EmailSettings.Mailbox mailbox;
    private final MailboxIntake intake;
    private final MailboxHealth health;
    private final MailArrivals arrivals;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private MailboxWatcher watcher;

    MailboxPoller(
            EmailSettings.Mailbox mailbox,
            MailboxIntake intake,
            MailboxHealth health,
            MailArrivals arrivals,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.mailbox = mailbox;
        this.intake = intake;
        this.health = health;
        this.arrivals = arrivals;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public ChannelAccount account() {
        return new ChannelAccount(Channel.EMAIL, mailbox.address());
    }

    @Override
    public synchronized void start() {
        if (watcher != null) {
            return;
        }
        // A stopped watcher stays stopped: each stretch of holding the mailbox gets a new one.
        watcher = new MailboxWatcher(mailbox, intake, health, arrivals, scheduler, clock);
        watcher.start();
    }

    @Override
    public synchronized void stop() {
        if (watcher == null) {
            return;
        }
        watcher.stop();
        try {
            if (!watcher.awaitIdle(PATIENCE)) {
                log.warn(
                        "Mailbox {}: a batch was still being taken in {} after the lease went",
                        mailbox.address(),
                        PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watcher = null;
    }
}
