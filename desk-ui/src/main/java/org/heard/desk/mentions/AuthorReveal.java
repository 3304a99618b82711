package org.heard.desk.mentions;

import java.time.Clock;
import java.util.Optional;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.security.StaffUser;

/**
 * The communications team reveals who wrote a conversation to the shielded people who run its
 * services (say, so the ward can put something right for that patient). Only for a stated reason,
 * kept with the reveal and in the audit log.
 */
public class AuthorReveal {

    /** Shorter reasons say nothing a reviewer could weigh ("ok", "needed"). */
    static final int SHORTEST_REASON = 10;

    static final int LONGEST_REASON = 1_000;

    public sealed interface Outcome {
        record Revealed(IdentityReveals.Reveal reveal) implements Outcome {}

        record AlreadyRevealed(IdentityReveals.Reveal reveal) implements Outcome {}

        record Refused(String reason) implements Outcome {}

        record NotFound(String mentionId) implements Outcome {}
    }

    private final InboxQueries queries;
    private final IdentityShield shield;
    private final IdentityReveals reveals;
    private final AuditTrail audit;
    private final Clock clock;

    public AuthorReveal(
            InboxQueries queries, IdentityShield shield, IdentityReveals reveals, AuditTrail audit, Clock clock) {
        this.queries = queries;
        this.shield = shield;
        this.reveals = reveals;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean mayReveal(StaffUser user) {
        return shield.mayReveal(user);
    }

    /** The reveal of this conversation, if there is one. */
    public Optional<IdentityReveals.Reveal> revealOf(String conversationId) {
        return reveals.of(conversationId);
    }

    public Outcome reveal(StaffUser user, String mentionId, String reason) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        if (!shield.mayReveal(user)) {
            return new Outcome.Refused("Only the communications team can reveal who wrote a mention");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < SHORTEST_REASON) {
            return new Outcome.Refused(
                    "Say why the team needs to know who wrote it (at least " + SHORTEST_REASON + " characters)");
        }
        if (why.length() > LONGEST_REASON) {
            return new Outcome.Refused("Keep the reason under " + LONGEST_REASON + " characters");
        }
        String conversationId = mention.get().conversationId();
        var reveal = new IdentityReveals.Reveal(
                conversationId, user.getUsername(), user.displayName(), why, clock.instant());
        if (!reveals.record(reveal)) {
            return new Outcome.AlreadyRevealed(reveals.of(conversationId).orElse(reveal));
        }
        audit.record(user.getUsername(), AuditAction.IDENTITY_REVEALED, mentionId, conversationId, "reason=" + why);
        return new Outcome.Revealed(reveal);
    }
}
