package org.heard.ingest.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.heard.ingest.channel.ChannelState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.integration.channel.FixedSubscriberChannel;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.integration.endpoint.AbstractEndpoint;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.integration.mail.inbound.ImapIdleChannelAdapter;
import org.springframework.integration.mail.inbound.MailReceivingMessageSource;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.support.PeriodicTrigger;

/**
 * Keeps one mailbox's intake going with Spring Integration Mail: an {@link ImapIdleChannelAdapter}
 * where the server offers IMAP IDLE (and the mailbox allows it), otherwise a {@link
 * MailReceivingMessageSource} polled every poll interval, or at once when the server tells of new
 * mail ({@link MailArrivals}, {@link LookWhenTold}). Either hands {@link MailboxReceiver}'s batches
 * to {@link MailboxIntake}. Connection and Kafka failures are reported in the mailbox's
 * health and retried; they never stop the watcher.
 */
final class MailboxWatcher {

    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RECONNECT_DELAY = Duration.ofSeconds(10);

    private final EmailSettings.Mailbox mailbox;
    private final MailboxIntake intake;
    private final MailboxHealth health;
    private final MailArrivals arrivals;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Held while a batch is taken in, so that stopping can wait for the batch in flight. */
    private final ReentrantLock busy = new ReentrantLock();
    /** Spring Integration's components look up optional settings in a bean factory; ours run outside the context, with defaults. */
    private final BeanFactory defaults = integrationDefaults();

    private Thread starter;
    private MailboxReceiver receiver;
    private AbstractEndpoint endpoint;
    private Runnable stopListening = () -> {};
    private boolean idling;

    MailboxWatcher(
            EmailSettings.Mailbox mailbox,
            MailboxIntake intake,
            MailboxHealth health,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this(mailbox, intake, health, MailArrivals.UNTOLD, scheduler, clock);
    }

    /** @param arrivals the server's word of new mail, when it gives any: then the mailbox is looked at as soon as mail arrives */
    MailboxWatcher(
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
        this.scheduler = new ConcurrentTaskScheduler(scheduler);
        this.clock = clock;
    }

    /** Connects, takes in what is waiting, disconnects: for tests, the benchmark and a manual catch-up. */
    int drainOnce() throws MessagingException, MailboxIntake.NotAcknowledged {
        var once = receiver();
        try {
            int handled = 0;
            for (Object[] batch = once.receive(); batch.length > 0; batch = once.receive()) {
                handled += takeIn((org.springframework.messaging.Message<?>) batch[0]);
            }
            return handled;
        } finally {
            once.destroy();
        }
    }

    /** Starts watching in the background: the first connection decides between IDLE and polling. */
    synchronized void start() {
        if (starter == null) {
            starter =
                    Thread.ofVirtual().name("email-intake-" + mailbox.address()).start(this::connect);
        }
    }

    /** Whether the mailbox is watched with IMAP IDLE (false while not yet connected, or when polling). */
    synchronized boolean idling() {
        return idling;
    }

    synchronized void stop() {
        stopped.countDown();
        if (starter != null) {
            starter.interrupt();
        }
        stopListening.run();
        if (endpoint != null) {
            try {
                endpoint.stop();
                endpoint.destroy();
            } catch (IllegalStateException alreadyClosed) {
                // The IDLE thread closed the folder as we stopped it (the server ended IDLE, or a poll
                // finished): there is nothing left to close, and the stop must still complete.
                log.debug("Mailbox {}: folder already closed at stop: {}", mailbox.address(), alreadyClosed.toString());
            }
            endpoint = null;
        }
        if (receiver != null) {
            receiver.destroy();
            receiver = null;
        }
    }

    private void connect() {
        Duration retry = FIRST_RETRY;
        while (stopped.getCount() > 0) {
            try {
                boolean idle = mailbox.idle() && serverHasIdle();
                synchronized (this) {
                    if (stopped.getCount() == 0) {
                        return;
                    }
                    receiver = receiver();
                    endpoint = idle ? idleAdapter(receiver) : pollingAdapter(receiver);
                    endpoint.start();
                    idling = idle;
                }
                log.info(
                        "Mailbox {}: watching {} with {}",
                        mailbox.address(),
                        mailbox.folder(),
                        idle
                                ? "IMAP IDLE"
                                : "polling every " + mailbox.pollInterval()
                                        + (arrivals == MailArrivals.UNTOLD ? "" : ", and at once when mail arrives"));
                return;
            } catch (AuthenticationFailedException e) {
                loginRefused();
                retry = Duration.ofMinutes(1);
            } catch (MessagingException | RuntimeException e) {
                health.inboundFailed(ChannelState.FAILING, "IMAP: " + e.getMessage() + "; retrying");
                log.warn("Mailbox {}: IMAP failed: {}", mailbox.address(), e.toString());
            }
            try {
                if (stopped.await(retry.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            retry = retry.multipliedBy(2).compareTo(mailbox.pollInterval()) > 0
                    ? mailbox.pollInterval()
                    : retry.multipliedBy(2);
        }
    }

    private boolean serverHasIdle() throws MessagingException {
        try (Store store = MailSessions.connectImap(mailbox)) {
            return ((IMAPStore) store).hasCapability("IDLE");
        }
    }

    private MailboxReceiver receiver() {
        var created = new MailboxReceiver(mailbox, health, clock);
        created.setTaskScheduler(scheduler);
        created.setBeanFactory(defaults);
        created.afterPropertiesSet();
        return created;
    }

    private ImapIdleChannelAdapter idleAdapter(MailboxReceiver idleReceiver) {
        var adapter = new ImapIdleChannelAdapter(idleReceiver);
        adapter.setOutputChannel(new FixedSubscriberChannel(this::handle));
        adapter.setTaskExecutor(Executors.newVirtualThreadPerTaskExecutor());
        adapter.setShouldReconnectAutomatically(true);
        adapter.setReconnectDelay(reconnectDelay().toMillis());
        adapter.setApplicationEventPublisher(new ApplicationEventPublisher() {
            @Override
            public void publishEvent(Object event) {
                if (event instanceof ImapIdleChannelAdapter.ImapIdleExceptionEvent failure) {
                    failed(failure.getCause());
                }
            }
        });
        adapter.setBeanName("email-idle-" + mailbox.address());
        adapter.setBeanFactory(defaults);
        adapter.afterPropertiesSet();
        return adapter;
    }

    private SourcePollingChannelAdapter pollingAdapter(MailboxReceiver pollingReceiver) {
        var source = new MailReceivingMessageSource(pollingReceiver);
        source.setBeanFactory(defaults);
        source.afterPropertiesSet();
        var adapter = new SourcePollingChannelAdapter();
        adapter.setSource(source);
        adapter.setOutputChannel(new FixedSubscriberChannel(this::handle));
        if (arrivals == MailArrivals.UNTOLD) {
            adapter.setTrigger(new PeriodicTrigger(mailbox.pollInterval()));
        } else {
            var look = new LookWhenTold(mailbox.pollInterval());
            adapter.setTrigger(new PeriodicTrigger(LookWhenTold.TICK));
            adapter.setAdviceChain(List.of(look));
            stopListening.run(); // an earlier connection's, should its adapter have failed to start
            stopListening = arrivals.whenArrived(look::arrived);
        }
        // One poll takes in everything waiting, batch after batch, rather than one batch per interval.
        adapter.setMaxMessagesPerPoll(-1);
        adapter.setTaskScheduler(scheduler);
        adapter.setErrorHandler(this::failed);
        adapter.setBeanName("email-poll-" + mailbox.address());
        adapter.setBeanFactory(defaults);
        adapter.afterPropertiesSet();
        return adapter;
    }

    private Duration reconnectDelay() {
        return mailbox.pollInterval().compareTo(LONGEST_RECONNECT_DELAY) < 0
                ? mailbox.pollInterval()
                : LONGEST_RECONNECT_DELAY;
    }

    /**
     * After {@link #stop()}: waits until no batch is being taken in any more, so another instance
     * taking the mailbox over never works on it at the same time as this one.
     *
     * @return false when a batch was still in flight after {@code patience}
     */
    boolean awaitIdle(Duration patience) throws InterruptedException {
        if (!busy.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        busy.unlock();
        return true;
    }

    private void handle(org.springframework.messaging.Message<?> batch) {
        busy.lock();
        try {
            if (stopped.getCount() == 0) {
                // Stopped while this batch was fetched: leave it unmarked for whoever polls next.
                closeFolderOf(batch);
                return;
            }
            takeIn(batch);
        } catch (MailboxIntake.NotAcknowledged e) {
            // A jakarta.mail.MessagingException in the cause tells the IDLE adapter to reconnect and try again after a
            // pause.
            throw new MessageHandlingException(batch, e.getMessage(), new MessagingException(e.getMessage(), e));
        } catch (MessagingException e) {
            throw new MessageHandlingException(batch, "IMAP: " + e.getMessage(), e);
        } finally {
            busy.unlock();
        }
    }

    /** Takes in one batch and closes the folder it came from, whatever happened. */
    private int takeIn(org.springframework.messaging.Message<?> batch)
            throws MessagingException, MailboxIntake.NotAcknowledged {
        try {
            return intake.take((Message[]) batch.getPayload());
        } finally {
            closeFolderOf(batch);
        }
    }

    private void closeFolderOf(org.springframework.messaging.Message<?> batch) {
        Closeable folder = StaticMessageHeaderAccessor.getCloseableResource(batch);
        if (folder != null) {
            try {
                folder.close();
            } catch (IOException e) {
                log.debug("Mailbox {}: closing the folder failed: {}", mailbox.address(), e.toString());
            }
        }
    }

    private void failed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                loginRefused();
                return;
            }
            if (cause instanceof MailboxIntake.NotAcknowledged notAcknowledged) {
                health.inboundFailed(ChannelState.FAILING, notAcknowledged.getMessage() + "; retrying");
                log.warn("Mailbox {}: {}", mailbox.address(), notAcknowledged.getMessage());
                return;
            }
        }
        health.inboundFailed(ChannelState.FAILING, "IMAP: " + rootMessage(failure) + "; retrying");
        log.warn("Mailbox {}: IMAP failed: {}", mailbox.address(), failure.toString());
    }

    private void loginRefused() {
        health.inboundFailed(
                ChannelState.AUTH_FAILED,
                "IMAP login refused for " + mailbox.username() + ": check heard.channel.email mailbox "
                        + mailbox.address() + " password");
        log.warn("Mailbox {}: IMAP login refused", mailbox.address());
    }

    private static BeanFactory integrationDefaults() {
        var factory = new DefaultListableBeanFactory();
        factory.registerSingleton(
                IntegrationContextUtils.INTEGRATION_EVALUATION_CONTEXT_BEAN_NAME, new StandardEvaluationContext());
        return factory;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
