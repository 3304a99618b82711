package org.heard.ingest.story;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.heard.contracts.DeskJson;

/**
 * How far the intake has come, as stored in the checkpoint: the publication time of the last story
 * taken in and the ids taken at exactly that time. It is a position in the story stream, not a
 * page offset, so a story withdrawn from the site between polls cannot shift the paging and hide
 * another one.
 *
 * @param publishedAt the last story's publication time; null before the first story
 * @param idsAtThatTime the stories already taken that were published at exactly {@code publishedAt}
 * @param deadLettered fingerprints of unreadable items already dead-lettered, so a re-read of the
 *     overlap does not dead-letter them again (the newest few are kept)
 */
record IntakePosition(Instant publishedAt, Set<String> idsAtThatTime, List<String> deadLettered) {

    private static final int DEAD_LETTER_MEMORY = 100;

    IntakePosition {
        idsAtThatTime = idsAtThatTime == null ? Set.of() : Set.copyOf(idsAtThatTime);
        deadLettered = deadLettered == null ? List.of() : List.copyOf(deadLettered);
    }

    /** Where a new subscription starts: from {@code startFrom}, or from the beginning. */
    static IntakePosition start(Instant startFrom) {
        return new IntakePosition(startFrom, Set.of(), List.of());
    }

    static IntakePosition parse(String stored) {
        return DeskJson.mapper().readValue(stored, IntakePosition.class);
    }

    String write() {
        return DeskJson.writeString(this);
    }

    /** Whether the story was already taken in (or lies before where this subscription starts). */
    boolean covers(Opinion story) {
        if (publishedAt == null) {
            return false;
        }
        int order = story.publishedAt().compareTo(publishedAt);
        return order < 0 || (order == 0 && idsAtThatTime.contains(story.id()));
    }

    IntakePosition after(Opinion story) {
        if (publishedAt != null && story.publishedAt().equals(publishedAt)) {
            Set<String> ids = new LinkedHashSet<>(idsAtThatTime);
            ids.add(story.id());
            return new IntakePosition(publishedAt, ids, deadLettered);
        }
        return new IntakePosition(story.publishedAt(), Set.of(story.id()), deadLettered);
    }

    boolean alreadyDeadLettered(String fingerprint) {
        return deadLettered.contains(fingerprint);
    }

    IntakePosition withDeadLettered(String fingerprint) {
        List<String> kept = new ArrayList<>(deadLettered);
        kept.add(fingerprint);
        while (kept.size() > DEAD_LETTER_MEMORY) {
            kept.removeFirst();
        }
        return new IntakePosition(publishedAt, idsAtThatTime, kept);
    }

    /**
     * The {@code publishedafter} filter for the site: a day before the position, because the site
     * filters by date and its bound may be exclusive. The overlap is skipped locally by {@link #covers}.
     */
    String publishedAfterFilter() {
        LocalDate day = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC).minusDays(1);
        return day.toString();
    }
}
