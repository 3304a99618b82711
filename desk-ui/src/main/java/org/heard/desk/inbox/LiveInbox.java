package org.heard.desk.inbox;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.heard.contracts.MentionTriaged;
import org.heard.desk.reply.ReplyTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Keeps the open inboxes of this instance live without letting the mentions' pace set the desk's
 * load. Each new mention is checked against each open view from its announcement alone
 * ({@link InboxRelevance}, on the Kafka listener's thread, no search); an affected view is refreshed
 * at most once a {@link #INTERVAL} ({@link Coalesced}), on a thread of this class, never on the
 * listener's — one slow search never holds up the feed, the other views, or the next mention.
 */
public class LiveInbox implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(LiveInbox.class);

    /** An open view: what it shows (to decide whether a mention matters) and how it refreshes itself. */
    private record Open(Predicate<MentionTriaged> affected, Runnable refresh, Coalesced gate) {}

    private final Set<Open> open = new CopyOnWriteArraySet<>();
    private final AtomicLong announced = new AtomicLong();
    private final AtomicLong refreshed = new AtomicLong();
    private final ScheduledExecutorService refresher;

    public LiveInbox(ObjectProvider<MentionFeed> feed, ObjectProvider<ReplyTracker> outcomes) {
        this();
        feed.ifAvailable(mentions -> mentions.subscribe(this::triaged));
        // A reply delivered or failed changes a status: rare (a person's pace), so every view looks again.
        outcomes.ifAvailable(tracker -> tracker.subscribe(outcome -> open.forEach(this::changed)));
    }

    /** Not listening to anything yet: {@link #triaged} is told of each mention. */
    LiveInbox() {
        this.refresher = Executors.newScheduledThreadPool(
                2, Thread.ofPlatform().daemon().name("heard-inbox-refresh-", 0).factory());
    }

    /**
     * Registers an open view until the returned handle runs (when it detaches).
     *
     * @param affected whether a new mention can change what it shows (cheap: no search)
     * @param refresh searches and hands the result to the page; runs on this class's threads
     */
    public Runnable open(Predicate<MentionTriaged> affected, Runnable refresh) {
        var view = new Open(affected, refresh, new Coalesced(INTERVAL));
        open.add(view);
        return () -> open.remove(view);
    }

    void triaged(MentionTriaged mention) {
        announced.incrementAndGet();
        for (var view : open) {
            if (view.affected().test(mention)) {
                changed(view);
            }
        }
    }

    private void changed(Open view) {
        view.gate()
                .changed(System.nanoTime())
                .ifPresent(delay -> refresher.schedule(
                        () -> {
                            view.gate().starting(System.nanoTime());
                            if (!open.contains(view)) {
                                return;
                            }
                            try {
                                refreshed.incrementAndGet();
                                view.refresh().run();
                            } catch (RuntimeException e) {
                                log.warn("An open inbox could not refresh: {}", e.getMessage());
                            }
                        },
                        delay,
                        TimeUnit.NANOSECONDS));
    }

    /** How many mentions were announced, how many views are open, how many refreshes ran: for the benchmark and the logs. */
    public String counts() {
        return announced.get() + " mentions announced, " + open.size() + " open views, " + refreshed.get()
                + " refreshes";
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
