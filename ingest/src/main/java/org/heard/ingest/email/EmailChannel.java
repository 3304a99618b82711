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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The email channel as the application runs it: one watcher per mailbox taking mail in (while this
 * instance holds the mailbox's lease), one sender for replies, and each mailbox's health for the
 * health endpoint and the desk.
 */
public final class EmailChannel implements SmartLifecycle, DisposableBean {

    private final List<EmailSettings.Mailbox> mailboxes;
    private final Map<String, MailboxHealth> health = new LinkedHashMap<>();
    private final List<MailboxPoller> pollers = new ArrayList<>();
    private final ChannelLeases leases;
    private final EmailReplySender replySender;
    private final EmailMentions reader;
    private final MailIndex index;
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;

    /** @param accepted by mailbox address: copies of its mail kept until taken in (the embedded server's spool) */
    EmailChannel(
            List<EmailSettings.Mailbox> mailboxes,
            Duration ackTimeout,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            ChannelLeases leases,
            Map<String, AcceptedMail> accepted) {
        this(mailboxes, ackTimeout, publisher, checkpoints, clock, leases, accepted, Map.of());
    }

    /** @param arrivals by mailbox address: the server's word of new mail, where it gives any (the embedded server) */
    EmailChannel(
            List<EmailSettings.Mailbox> mailboxes,
            Duration ackTimeout,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            ChannelLeases leases,
            Map<String, AcceptedMail> accepted,
            Map<String, MailArrivals> arrivals) {
        this.mailboxes = List.copyOf(mailboxes);
        this.leases = leases;
        this.index = new MailIndex(checkpoints);
        this.reader = new EmailMentions(index, clock);
        // One thread per mailbox, so a long drain of one mailbox does not hold back the polls of another.
        // Owned for the bean's whole life, not one start-stop stretch: the pollers keep it across a restart.
        this.scheduler = Executors.newScheduledThreadPool(
                Math.max(1, this.mailboxes.size()),
                Thread.ofPlatform().daemon().name("email-intake-", 0).factory());
        for (EmailSettings.Mailbox mailbox : this.mailboxes) {
            var mailboxHealth = new MailboxHealth(mailbox.address());
            health.put(mailbox.address(), mailboxHealth);
            var intake = new MailboxIntake(
                    mailbox,
                    reader,
                    index,
                    publisher,
                    clock,
                    ackTimeout,
                    accepted.getOrDefault(mailbox.address(), AcceptedMail.NONE));
            pollers.add(new MailboxPoller(
                    mailbox,
                    intake,
                    mailboxHealth,
                    arrivals.getOrDefault(mailbox.address(), MailArrivals.UNTOLD),
                    scheduler,
                    clock));
        }
        this.replySender = new EmailReplySender(this.mailboxes, health, index, clock);
    }

    /** What reading a dead-lettered message again gave. */
    sealed interface ReadAgain {
        record Mention(org.heard.contracts.MentionReceived mention) implements ReadAgain {}

        record OurOwn() implements ReadAgain {}

        record Unreadable(String reason) implements ReadAgain {}

        record NoSuchMailbox(String source) implements ReadAgain {}
    }

    /**
     * Reads a message that was dead-lettered, as intake would (after the reader was fixed, say); the
     * caller publishes the mention. Its thread headers are remembered as at intake, so a reply to it
     * keeps the thread.
     *
     * @param source the dead letter's source, {@code email:<mailbox address>}
     */
    ReadAgain readAgain(String source, byte[] raw) {
        var mailbox = mailboxes.stream()
                .filter(candidate -> candidate.source().equals(source))
                .findFirst();
        if (mailbox.isEmpty()) {
            return new ReadAgain.NoSuchMailbox(source);
        }
        return switch (reader.read(raw, mailbox.get())) {
            case Reading.Mention(var mention, var headers) -> {
                index.rememberHeaders(mention.mentionId(), headers);
                yield new ReadAgain.Mention(mention);
            }
            case Reading.OurOwn ignored -> new ReadAgain.OurOwn();
            case Reading.Unreadable(var reason) -> new ReadAgain.Unreadable(reason);
        };
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

    /** The mailboxes read and answered from (the desk's alerts send through the first one's SMTP server). */
    public List<EmailSettings.Mailbox> mailboxes() {
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
        running = false;
    }

    /** When the context closes: the intake threads go with it (a stopped context may start again, a closed one not). */
    @Override
    public void destroy() {
        stop();
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
