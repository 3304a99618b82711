package org.heard.desk.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The people with a mention open right now, each in one browser tab (a "visit"), on this desk
 * instance and on the others. Visits here are announced as {@link PresenceBeat}s (on each change
 * and every heartbeat); visits on other instances are known from their beats and forgotten when
 * they leave or when their beats stop for longer than the timeout (their instance died).
 */
public class Presence {

    /** One person in one tab: looking, or writing a reply. */
    public record Visitor(String visitId, String username, String displayName, boolean drafting, Instant since) {}

    private record Elsewhere(String mentionId, Visitor visitor, Instant expiresAt) {}

    private final Map<String, Map<String, Visitor>> here = new ConcurrentHashMap<>();
    private final Map<String, Elsewhere> elsewhere = new ConcurrentHashMap<>();
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();
    private final Clock clock;
    private final String instance;
    private final Duration timeout;
    private final Consumer<PresenceBeat> announce;

    /**
     * @param instance this desk instance's id, unique per start
     * @param timeout how long a visit elsewhere is believed without a beat
     * @param announce sends a beat to the other instances; must not block or throw
     */
    Presence(Clock clock, String instance, Duration timeout, Consumer<PresenceBeat> announce) {
        this.clock = clock;
        this.instance = instance;
        this.timeout = timeout;
        this.announce = announce;
    }

    public void viewing(String mentionId, String visitId, String username, String displayName) {
        put(mentionId, new Visitor(visitId, username, displayName, false, clock.instant()));
    }

    public void drafting(String mentionId, String visitId, String username, String displayName, boolean drafting) {
        put(mentionId, new Visitor(visitId, username, displayName, drafting, clock.instant()));
    }

    public void left(String mentionId, String visitId) {
        var visitors = here.get(mentionId);
        var gone = visitors == null ? null : visitors.remove(visitId);
        if (gone != null) {
            announce.accept(beat(mentionId, gone, PresenceBeat.State.LEFT));
            changed(mentionId);
        }
    }

    /** Everyone on the mention, on any instance, except the given visit (the person asking sees the others). */
    public List<Visitor> othersOn(String mentionId, String visitId) {
        Instant now = clock.instant();
        var onOtherInstances = elsewhere.values().stream()
                .filter(entry ->
                        entry.mentionId().equals(mentionId) && entry.expiresAt().isAfter(now))
                .map(Elsewhere::visitor);
        return Stream.concat(here.getOrDefault(mentionId, Map.of()).values().stream(), onOtherInstances)
                .filter(visitor -> !visitor.visitId().equals(visitId))
                .sorted(Comparator.comparing(Visitor::since))
                .toList();
    }

    /** Called with a mention id whenever someone arrives, starts or stops drafting, or leaves it. */
    public Runnable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells the other instances again that this instance's visits are still open. */
    void heartbeat() {
        here.forEach((mentionId, visitors) ->
                visitors.values().forEach(visitor -> announce.accept(beat(mentionId, visitor, state(visitor)))));
    }

    /** A beat from some instance; this instance's own beats are ignored (it knows its visits). */
    void heard(PresenceBeat beat) {
        if (instance.equals(beat.instance())
                || beat.visitId() == null
                || beat.mentionId() == null
                || beat.state() == null) {
            return;
        }
        if (beat.state() == PresenceBeat.State.LEFT) {
            if (elsewhere.remove(beat.visitId()) != null) {
                changed(beat.mentionId());
            }
            return;
        }
        Instant now = clock.instant();
        Instant seen = beat.at() == null || beat.at().isAfter(now) ? now : beat.at();
        Instant expiresAt = seen.plus(timeout);
        if (!expiresAt.isAfter(now)) {
            return;
        }
        var visitor = new Visitor(
                beat.visitId(), beat.username(), beat.displayName(), beat.state() == PresenceBeat.State.DRAFTING, seen);
        var previous = elsewhere.get(beat.visitId());
        var since = previous == null
                ? visitor
                : new Visitor(
                        visitor.visitId(),
                        visitor.username(),
                        visitor.displayName(),
                        visitor.drafting(),
                        previous.visitor().since());
        elsewhere.put(beat.visitId(), new Elsewhere(beat.mentionId(), since, expiresAt));
        if (previous == null
                || previous.visitor().drafting() != visitor.drafting()
                || !previous.mentionId().equals(beat.mentionId())) {
            changed(beat.mentionId());
        }
    }

    /** Forgets visits on other instances whose beats stopped: their instance died or lost Kafka. */
    void expire() {
        Instant now = clock.instant();
        var expired = new ArrayList<String>();
        elsewhere.forEach((visitId, entry) -> {
            if (!entry.expiresAt().isAfter(now) && elsewhere.remove(visitId, entry)) {
                expired.add(entry.mentionId());
            }
        });
        expired.stream().distinct().forEach(this::changed);
    }

    /** This instance is shutting down: every visit on it has left. */
    void departAll() {
        here.forEach((mentionId, visitors) -> visitors.values()
                .forEach(visitor -> announce.accept(beat(mentionId, visitor, PresenceBeat.State.LEFT))));
    }

    private void put(String mentionId, Visitor visitor) {
        var previous =
                here.computeIfAbsent(mentionId, id -> new ConcurrentHashMap<>()).put(visitor.visitId(), visitor);
        if (previous == null || previous.drafting() != visitor.drafting()) {
            announce.accept(beat(mentionId, visitor, state(visitor)));
            changed(mentionId);
        }
    }

    private PresenceBeat beat(String mentionId, Visitor visitor, PresenceBeat.State state) {
        return new PresenceBeat(
                instance,
                visitor.visitId(),
                mentionId,
                visitor.username(),
                visitor.displayName(),
                state,
                clock.instant());
    }

    private static PresenceBeat.State state(Visitor visitor) {
        return visitor.drafting() ? PresenceBeat.State.DRAFTING : PresenceBeat.State.VIEWING;
    }

    private void changed(String mentionId) {
        for (var listener : listeners) {
            try {
                listener.accept(mentionId);
            } catch (RuntimeException e) {
                // A closed tab's listener must not stop the others hearing about it.
            }
        }
    }
}
