package org.heard.desk.deadletters;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.heard.contracts.DeadLettered;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * What an admin does with dead letters: look, retry, discard. Every call checks the role here, on
 * the server, whatever the page shows; each action is recorded on the letter with who and when.
 */
class DeadLetterDesk {

    /** What became of an action. */
    sealed interface Outcome {
        record Done(DeadLetter letter) implements Outcome {}

        record NotFound(String id) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    private final DeadLetterShelf shelf;
    private final Retries retries;
    private final Clock clock;

    DeadLetterDesk(DeadLetterShelf shelf, Retries retries, Clock clock) {
        this.shelf = shelf;
        this.retries = retries;
        this.clock = clock;
    }

    DeadLetterShelf.Page browse(StaffUser user, DeadLetterQuery query, int from, int size) {
        requireAdmin(user);
        return shelf.search(query, from, size);
    }

    long count(StaffUser user, DeadLetterQuery query) {
        requireAdmin(user);
        return shelf.count(query);
    }

    java.util.List<String> sources(StaffUser user) {
        requireAdmin(user);
        return shelf.sources();
    }

    Optional<DeadLetter> letter(StaffUser user, String id) {
        requireAdmin(user);
        return shelf.find(id).map(DeadLetterShelf.Versioned::letter);
    }

    RetryRoute.RetryPlan plan(StaffUser user, DeadLetter letter) {
        requireAdmin(user);
        return retries.plan(letter);
    }

    /**
     * Sends the letter back to the stage that refused it. Refused again at once (it still cannot be
     * read), it becomes a new dead letter linked to this one.
     */
    Outcome retry(StaffUser user, String id) {
        if (!isAdmin(user)) {
            return new Outcome.Refused("Only admins can retry dead letters");
        }
        var read = shelf.find(id);
        if (read.isEmpty()) {
            return new Outcome.NotFound(id);
        }
        var letter = read.get().letter();
        if (letter.state() != DeadLetter.State.PENDING) {
            return new Outcome.Refused("It was " + letter.state().wire() + " by " + letter.handledBy() + " already");
        }
        var route = retries.routeOf(letter);
        if (route.plan(letter) instanceof RetryRoute.RetryPlan.Impossible(var why)) {
            return new Outcome.Refused(why);
        }
        var at = clock.instant();
        if (!shelf.handle(read.get(), DeadLetter.State.RETRIED, user.getUsername(), at, "Retrying…")) {
            return new Outcome.Refused("Someone else handled it a moment ago");
        }
        RetryRoute.RetryOutcome outcome;
        try {
            // As marked a moment ago, so the route knows who asked.
            outcome = route.retry(
                    shelf.find(id).map(DeadLetterShelf.Versioned::letter).orElse(letter));
        } catch (RuntimeException e) {
            outcome = new RetryRoute.RetryOutcome.NotNow(
                    "it could not be tried (" + e.getMessage() + "); try again later");
        }
        switch (outcome) {
            case RetryRoute.RetryOutcome.SentBack(var what) -> shelf.recordOutcome(id, what);
            case RetryRoute.RetryOutcome.NotNow(var reason) -> {
                shelf.release(id);
                shelf.recordOutcome(id, "A retry by " + user.getUsername() + " could not be tried: " + reason);
                return new Outcome.Refused(reason);
            }
            case RetryRoute.RetryOutcome.FailedAgain(var reason) -> {
                shelf.recordOutcome(id, "Retried.");
                var context = new LinkedHashMap<>(letter.context());
                context.put("retryOf", letter.id());
                shelf.shelve(
                        new DeadLettered(
                                letter.rootId(),
                                letter.source(),
                                "Retried by " + user.getUsername() + ": " + reason,
                                letter.payloadEncoding(),
                                letter.payload(),
                                context,
                                at),
                        at);
            }
        }
        return new Outcome.Done(shelf.find(id).orElseThrow().letter());
    }

    /** Nothing more to do with it; kept, marked discarded with who and when (and why, if given). */
    Outcome discard(StaffUser user, String id, String note) {
        if (!isAdmin(user)) {
            return new Outcome.Refused("Only admins can discard dead letters");
        }
        var read = shelf.find(id);
        if (read.isEmpty()) {
            return new Outcome.NotFound(id);
        }
        if (read.get().letter().state() != DeadLetter.State.PENDING) {
            return new Outcome.Refused("It was " + read.get().letter().state().wire() + " by "
                    + read.get().letter().handledBy() + " already");
        }
        String outcome = "Discarded" + (note == null || note.isBlank() ? "." : ": " + note.strip());
        if (!shelf.handle(read.get(), DeadLetter.State.DISCARDED, user.getUsername(), clock.instant(), outcome)) {
            return new Outcome.Refused("Someone else handled it a moment ago");
        }
        return new Outcome.Done(shelf.find(id).orElseThrow().letter());
    }

    private static boolean isAdmin(StaffUser user) {
        return user != null && user.has(StaffRole.ADMIN);
    }

    private static void requireAdmin(StaffUser user) {
        if (!isAdmin(user)) {
            throw new AccessDeniedException("Dead letters are for admins");
        }
    }
}
