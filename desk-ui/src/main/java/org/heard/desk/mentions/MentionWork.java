package org.heard.desk.mentions;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites;

/**
 * What staff do to a mention besides replying: status, assignment, internal notes, tag
 * corrections. Each action checks scope first and is recorded in the activity log.
 */
public class MentionWork {

    /** What became of an action. Out of scope is "not found": the mention's existence does not leak. */
    public sealed interface Outcome {
        record Done(Activity recorded) implements Outcome {}

        record NotFound(String mentionId) implements Outcome {}

        record Refused(String reason) implements Outcome {}
    }

    private final InboxQueries queries;
    private final StaffWrites index;
    private final ActivityLog activity;
    private final Clock clock;

    public MentionWork(InboxQueries queries, StaffWrites index, ActivityLog activity, Clock clock) {
        this.queries = queries;
        this.index = index;
        this.activity = activity;
        this.clock = clock;
    }

    public Outcome changeStatus(StaffUser user, String mentionId, MentionStatus status) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        var now = clock.instant();
        index.updateStatus(mentionId, status, null, now);
        return done(mention.get(), Activity.Kind.STATUS_CHANGED, user, status.wire(), Map.of("status", status.wire()));
    }

    /** Takes a mention for someone; a new mention becomes "in progress". */
    public Outcome assign(StaffUser user, String mentionId, String assignee) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        if (assignee == null || assignee.isBlank()) {
            return new Outcome.Refused("Choose someone to assign it to");
        }
        var status = mention.get().status() == null || mention.get().status() == MentionStatus.NEW
                ? MentionStatus.IN_PROGRESS
                : mention.get().status();
        index.updateStatus(mentionId, status, assignee, clock.instant());
        return done(mention.get(), Activity.Kind.ASSIGNED, user, assignee, Map.of("assignee", assignee));
    }

    /** An internal note: staff only, never sent to the patient. */
    public Outcome note(StaffUser user, String mentionId, String text) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        if (text == null || text.isBlank()) {
            return new Outcome.Refused("A note needs some text");
        }
        return done(mention.get(), Activity.Kind.NOTE, user, text.strip(), Map.of());
    }

    /**
     * Corrects a tag. The mention shows the corrected tag at once, and the correction (with the
     * text, the old and the new value) is kept as labelled data for the next model.
     */
    public Outcome correctSentiment(StaffUser user, String mentionId, Sentiment.Label label) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        String old = mention.get().sentiment() == null
                ? ""
                : mention.get().sentiment().label().wire();
        index.correct(mentionId, Map.of("sentiment", Map.of("label", label.wire())));
        return corrected(user, mention.get(), "sentiment", old, label.wire());
    }

    public Outcome correctUrgency(StaffUser user, String mentionId, Urgency.Level level) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        String old = mention.get().urgency() == null
                ? ""
                : mention.get().urgency().level().wire();
        index.correct(mentionId, Map.of("urgency", Map.of("level", level.wire()), "urgencyRank", level.rank()));
        return corrected(user, mention.get(), "urgency", old, level.wire());
    }

    /** Sets the service. A manager may only move a mention to a service in their own scope. */
    public Outcome correctService(StaffUser user, String mentionId, String serviceId) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        var scope = queries.scopeOf(user);
        if (!scope.everything() && !scope.services().contains(serviceId)) {
            return new Outcome.Refused("You can only move a mention to one of your own services");
        }
        String old = mention.get().services() == null
                ? ""
                : String.join(
                        ",",
                        mention.get().services().stream()
                                .map(tag -> tag.serviceId())
                                .toList());
        index.correct(
                mentionId,
                Map.of(
                        "services",
                        List.of(Map.of(
                                "serviceId",
                                serviceId,
                                "confidence",
                                1.0,
                                "evidence",
                                List.of("corrected by " + user.getUsername())))));
        return corrected(user, mention.get(), "service", old, serviceId);
    }

    /**
     * Marks that answering this patient led to a change planned or made, as patient-story sites
     * show it; who and when are kept on the mention (for the dashboards) and in the history.
     */
    public Outcome markChange(StaffUser user, String mentionId, MentionResponse.Change change) {
        var mention = queries.findToAct(user, mentionId);
        if (mention.isEmpty()) {
            return new Outcome.NotFound(mentionId);
        }
        if (change == null) {
            return new Outcome.Refused("Choose a change planned or a change made");
        }
        index.markChange(mentionId, change, user.getUsername(), clock.instant());
        return done(mention.get(), Activity.Kind.CHANGE_MARKED, user, change.wire(), Map.of("change", change.wire()));
    }

    private Outcome corrected(StaffUser user, MentionDocument mention, String field, String old, String corrected) {
        String text = mention.subject() == null ? mention.text() : mention.subject() + "\n" + mention.text();
        return done(
                mention,
                Activity.Kind.TAG_CORRECTED,
                user,
                text,
                Map.of(
                        "field",
                        field,
                        "from",
                        old,
                        "to",
                        corrected,
                        "model",
                        mention.model() == null ? "" : mention.model(),
                        "channel",
                        mention.channel() == null ? "" : mention.channel().wire()));
    }

    private Outcome done(
            MentionDocument mention, Activity.Kind kind, StaffUser user, String text, Map<String, String> details) {
        var entry = new Activity(
                kind.wire() + "-" + UUID.randomUUID(),
                mention.conversationId(),
                mention.mentionId(),
                kind,
                user.getUsername(),
                text,
                details,
                clock.instant());
        activity.record(entry);
        return new Outcome.Done(entry);
    }
}
