package org.heard.desk.api;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.MentionTriaged;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.inbox.MentionFeed;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * New mentions as server-sent events, each subscriber seeing only its scope. Every mention the
 * desk's feed announces is looked up once per subscriber, with the subscriber's scope. Deliveries
 * and heartbeats run on one thread, in the order the feed announced them, never on the feed's own
 * Kafka thread.
 *
 * <p>An event's id is its place in the order mentions were triaged. A client that reconnects with
 * {@code Last-Event-ID} first gets what was triaged since, from the index, starting a little
 * before that id, because announcements from different partitions may arrive slightly out of
 * order: after a resume an event may repeat, but none is lost.
 *
 * <p>Every mention is in the audit trail as streamed to its caller before it is sent; when the
 * trail cannot take it, the stream ends with an error and the client resumes after its last event.
 */
class MentionStream implements SmartLifecycle, AutoCloseable {

    /** How far before the last event a resume starts again. */
    static final Duration RESUME_OVERLAP = Duration.ofSeconds(30);
    /** A client further behind than this many mentions gets the latest ones and should search for the rest. */
    static final int REPLAY_LIMIT = 1000;

    private static final int REMEMBERED = 2000;
    private static final Logger log = LoggerFactory.getLogger(MentionStream.class);

    private final InboxQueries queries;
    private final AuditTrail audit;
    private final Duration timeout;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService deliveries;
    private final Runnable unsubscribe;
    private volatile boolean running;

    MentionStream(MentionFeed feed, InboxQueries queries, AuditTrail audit, Duration heartbeat, Duration timeout) {
        this.queries = queries;
        this.audit = audit;
        this.timeout = timeout;
        this.deliveries = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("heard-api-stream").daemon().factory());
        this.unsubscribe = feed.subscribe(this::announced);
        long every = heartbeat.toMillis();
        // Keeps proxies from closing an idle connection, and tells the client the stream is alive.
        deliveries.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Opens a stream for one caller, resuming after an earlier event when given. */
    SseEmitter open(StaffUser user, MentionCursor resumeAfter) {
        var emitter = new SseEmitter(timeout.toMillis());
        var subscriber = new Subscriber(user, emitter);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> {
            subscribers.remove(subscriber);
            emitter.complete();
        });
        emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        // Subscribed before the replay: what arrives meanwhile waits in the subscriber until the replay is sent.
        deliveries.execute(() -> subscriber.start(resumeAfter));
        return emitter;
    }

    int subscribers() {
        return subscribers.size();
    }

    private void announced(MentionTriaged triaged) {
        String mentionId = triaged.mentionId().value();
        deliveries.execute(() -> {
            for (var subscriber : subscribers) {
                subscriber.announced(mentionId);
            }
        });
    }

    private void heartbeat() {
        for (var subscriber : subscribers) {
            subscriber.heartbeat();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream when the application stops, before the web server's graceful
     * shutdown (a later phase stops first), which would otherwise wait for streams that never end.
     * Clients reconnect, with {@code Last-Event-ID}, to another instance.
     */
    @Override
    public void stop() {
        running = false;
        for (var subscriber : subscribers) {
            subscribers.remove(subscriber);
            try {
                subscriber.emitter.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the client left first
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    public void close() {
        stop();
        unsubscribe.run();
        deliveries.shutdownNow();
    }

    /** One open stream. Touched only on the delivery thread. */
    private final class Subscriber {

        private final StaffUser user;
        private final SseEmitter emitter;
        private final Set<String> sent = new LinkedHashSet<>();
        private List<String> waiting = new ArrayList<>();

        Subscriber(StaffUser user, SseEmitter emitter) {
            this.user = user;
            this.emitter = emitter;
        }

        void start(MentionCursor resumeAfter) {
            try {
                emitter.send(SseEmitter.event().reconnectTime(5_000).comment("connected"));
                if (resumeAfter != null) {
                    replay(resumeAfter.position());
                }
                var arrived = waiting;
                waiting = null;
                for (String mentionId : arrived) {
                    announced(mentionId);
                }
            } catch (IOException | RuntimeException e) {
                gone(e);
            }
        }

        private void replay(MentionSearch.Position after) throws IOException {
            var position = new MentionSearch.Position(after.at() - RESUME_OVERLAP.toMillis(), "");
            int replayed = 0;
            while (replayed < REPLAY_LIMIT) {
                var page = queries.page(user, MentionQuery.everything(), MentionSearch.Order.TRIAGED, position, 100);
                if (page.mentions().isEmpty()) {
                    return;
                }
                audit.recordMentions(
                        user.getUsername(),
                        AuditAction.API_STREAMED,
                        page.mentions().stream().map(MentionDocument::mentionId).toList());
                for (int i = 0; i < page.mentions().size(); i++) {
                    send(page.mentions().get(i), page.positions().get(i));
                }
                replayed += page.mentions().size();
                position = page.positions().getLast();
            }
        }

        void announced(String mentionId) {
            if (waiting != null) {
                waiting.add(mentionId);
                return;
            }
            try {
                var mention = queries.find(user, mentionId);
                if (mention.isPresent()) {
                    audit.record(
                            user.getUsername(),
                            AuditAction.API_STREAMED,
                            mentionId,
                            mention.get().conversationId(),
                            "");
                    var triagedAt = mention.get().triagedAt();
                    send(
                            mention.get(),
                            new MentionSearch.Position(triagedAt == null ? 0 : triagedAt.toEpochMilli(), mentionId));
                }
            } catch (IOException | RuntimeException e) {
                gone(e);
            }
        }

        private void send(MentionDocument mention, MentionSearch.Position position) throws IOException {
            String id = new MentionCursor(MentionSearch.Order.TRIAGED, position).encode();
            if (!sent.add(id)) {
                return;
            }
            if (sent.size() > REMEMBERED) {
                sent.remove(sent.iterator().next());
            }
            emitter.send(
                    SseEmitter.event().id(id).name("mention").data(ApiMention.of(mention), MediaType.APPLICATION_JSON));
        }

        void heartbeat() {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | RuntimeException e) {
                gone(e);
            }
        }

        private void gone(Exception e) {
            log.debug("An API stream of {} ended: {}", user.getUsername(), e.toString());
            subscribers.remove(this);
            try {
                emitter.completeWithError(e);
            } catch (IllegalStateException alreadyCompleted) {
                // the client left first
            }
        }
    }
}
