package org.heard.ingest.email;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * The email channel as the application runs it: one watcher per mailbox taking mail in (while this
 * instance holds the mailbox's lease), one sender for replies, and each mailbox's health for the
 * health endpoint and the desk.
 */
public final class EmailChannel implements SmartLifecycle {

    private final List<EmailSettings.Mailbox> mailboxes;
    private final Map<String, MailboxHealth> health = new LinkedHashMap<>();
    private final List<MailboxPoller> pollers = new ArrayList<>();
    private final ChannelLeases leases;
    private final EmailReplySender replySender;
    private final ScheduledExecutorService wakeups;
    private volatile boolean running;

    EmailChannel(
            List<EmailSettings.Mailbox> mailboxes,
            Duration ackTimeout,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            ChannelLeases leases) {
        this.mailboxes = List.copyOf(mailboxes);
        this.leases = leases;
        var index = new MailIndex(checkpoints);
        var reader = new EmailReader(index, clock);
        this.wakeups = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("email-idle-wakeup").factory());
        for (EmailSettings.Mailbox mailbox : this.mailboxes) {
            var mailboxHealth = new MailboxHealth(mailbox.address());
            health.put(mailbox.address(), mailboxHealth);
            var intake = new MailboxIntake(mailbox, reader, index, publisher, mailboxHealth, clock, ackTimeout);
            pollers.add(new MailboxPoller(mailbox, intake, mailboxHealth, wakeups));
        }
        this.replySender = new EmailReplySender(this.mailboxes, health, index, clock);
    }

    public EmailReplySender replySender() {
        return replySender;
    }

    /** One per mailbox: inbound and outbound state and the last successful fetch. */
    public List<ChannelConnector> connectors() {
        return List.copyOf(health.values());
    }

    /** The status of one mailbox, by its address. */
    public ChannelConnector connector(String address) {
        MailboxHealth found = health.get(address);
        if (found == null) {
            throw new IllegalArgumentException("no mailbox " + address + " in the email channel");
        }
        return found;
    }

    List<EmailSettings.Mailbox> mailboxes() {
        return mailboxes;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        // The leases start a mailbox's watcher when this instance may poll it (at once when alone).
        pollers.forEach(leases::hold);
        running = true;
    }

    @Override
    public synchronized void stop() {
        pollers.forEach(leases::release);
        wakeups.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
