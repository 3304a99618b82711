package org.heard.desk.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/** The people with a mention open right now, each in one browser tab (a "visit"). */
public class Presence {

    /** One person in one tab: looking, or writing a reply. */
    public record Visitor(String visitId, String username, String displayName, boolean drafting, Instant since) {}

    private final Map<String, Map<String, Visitor>> byMention = new ConcurrentHashMap<>();
    private final Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();
    private final Clock clock;

    public Presence(Clock clock) {
        this.clock = clock;
    }

    public void viewing(String mentionId, String visitId, String username, String displayName) {
        put(mentionId, new Visitor(visitId, username, displayName, false, clock.instant()));
    }

    public void drafting(String mentionId, String visitId, String username, String displayName, boolean drafting) {
        put(mentionId, new Visitor(visitId, username, displayName, drafting, clock.instant()));
    }

    public void left(String mentionId, String visitId) {
        var visitors = byMention.get(mentionId);
        if (visitors != null && visitors.remove(visitId) != null) {
            changed(mentionId);
        }
    }

    /** Everyone on the mention except the given visit (the person asking sees the others). */
    public List<Visitor> othersOn(String mentionId, String visitId) {
        return byMention.getOrDefault(mentionId, Map.of()).values().stream()
                .filter(visitor -> !visitor.visitId().equals(visitId))
                .sorted(Comparator.comparing(Visitor::since))
                .toList();
    }

    /** Called with a mention id whenever someone arrives, starts or stops drafting, or leaves it. */
    public Runnable subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void put(String mentionId, Visitor visitor) {
        var previous = byMention.computeIfAbsent(mentionId, id -> new ConcurrentHashMap<>()).put(visitor.visitId(), visitor);
        if (previous == null || previous.drafting() != visitor.drafting()) {
            changed(mentionId);
        }
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
