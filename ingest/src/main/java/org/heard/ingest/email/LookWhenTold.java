package org.heard.ingest.email;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.integration.aop.ReceiveMessageAdvice;
import org.springframework.messaging.Message;

/**
 * For a mailbox whose server tells of new mail ({@link MailArrivals}): the watcher's poller ticks
 * every {@link #TICK}, and this lets a tick through to the mailbox only when there is a reason to
 * look: mail arrived, the poll interval passed since the last look (mail may come unannounced,
 * word may be lost), or the last look handed over a batch (more may be waiting: one look takes in
 * everything waiting, batch after batch). A tick without a reason returns at once without touching
 * the server. So told mail is taken in within a tick instead of up to a poll interval later, and
 * the server is searched no more often than before when nothing arrives.
 */
final class LookWhenTold implements ReceiveMessageAdvice {

    static final Duration TICK = Duration.ofMillis(50);

    private final long interval;
    private final LongSupplier nanos;
    private final AtomicBoolean told = new AtomicBoolean();
    private volatile boolean more = true;
    private volatile long lastLook;

    LookWhenTold(Duration pollInterval) {
        this(pollInterval, System::nanoTime);
    }

    LookWhenTold(Duration pollInterval, LongSupplier nanos) {
        this.interval = pollInterval.toNanos();
        this.nanos = nanos;
    }

    /** Mail has arrived: the next tick looks. */
    void arrived() {
        told.set(true);
    }

    /**
     * Whether this tick looks at the mailbox. The word is taken before the look's search runs, so
     * mail that arrives during the look is told of again and looked for at the next tick.
     */
    @Override
    public boolean beforeReceive(Object source) {
        long now = nanos.getAsLong();
        boolean wasTold = told.getAndSet(false);
        boolean look = wasTold || more || now - lastLook >= interval;
        if (look) {
            lastLook = now;
            // Until the look hands something over: a look that fails waits for word or the interval, not a tick.
            more = false;
        }
        return look;
    }

    @Override
    public Message<?> afterReceive(Message<?> result, Object source) {
        more = result != null;
        return result;
    }
}
