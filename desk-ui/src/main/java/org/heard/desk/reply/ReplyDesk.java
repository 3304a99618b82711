package org.heard.desk.reply;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Responder;
import org.heard.contracts.Topics;
import org.heard.contracts.TweetLength;
import org.heard.desk.activity.Activity;
import org.heard.desk.activity.ActivityLog;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.StaffWrites;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.events.Handover;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks, signs and sends a personal reply on the patient's own channel. */
public class ReplyDesk {

    /** How many of the organisation's latest replies a draft is compared with. */
    static final int RECENT_REPLIES = 200;
    /** From this Jaccard similarity on, a draft counts as a copy of an earlier reply. */
    static final double COPY_THRESHOLD = 0.7;
    /** A direct message on X may be this long; a public post is held to {@link TweetLength#MAX}. */
    static final int DIRECT_MESSAGE_LIMIT = 10_000;
    /** How long Send waits for Kafka; the producer itself keeps trying longer (delivery.timeout.ms). */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(15);

    static final String UNKNOWN =
            "Unknown whether the reply was sent: Kafka did not confirm it in time, and it may still"
                    + " go out. Check the conversation's history (or the patient's channel) before you try again; sending this same"
                    + " draft again never sends it twice.";
    /** The mark (detail {@code handover}) in the history of a reply Kafka did not confirm in time. */
    public static final String UNCONFIRMED = "unconfirmed";

    private static final Logger log = LoggerFactory.getLogger(ReplyDesk.class);

    private final InboxQueries queries;
    private final StaffWrites index;
    private final ActivityLog activity;
    private final EventPublisher publisher;
    private final PersonalDataSpotter personalData;
    private final List<String> staffNames;
    private final Clock clock;
    private final Duration publishTimeout;

    public ReplyDesk(
            InboxQueries queries,
            StaffWrites index,
            ActivityLog activity,
            EventPublisher publisher,
            PersonalDataSpotter personalData,
            List<String> staffNames,
            Clock clock) {
        this(queries, index, activity, publisher, personalData, staffNames, clock, PUBLISH_TIMEOUT);
    }

    ReplyDesk(
            InboxQueries queries,
            StaffWrites index,
            ActivityLog activity,
            EventPublisher publisher,
            PersonalDataSpotter personalData,
            List<String> staffNames,
            Clock clock,
            Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
        this.queries = queries;
        this.index = index;
        this.activity = activity;
        this.publisher = publisher;
        this.personalData = personalData;
        this.staffNames = List.copyOf(staffNames);
        this.clock = clock;
    }

    /** The reply as the patient would read it and the warnings about it. Nothing is recorded. */
    public DraftReview review(StaffUser user, MentionDocument mention, String draft, boolean privately) {
        String body = draft == null ? "" : draft.strip();
        String signed = sign(mention.channel(), body, responder(user));
        var warnings = new ArrayList<DraftWarning>();
        if (body.isEmpty()) {
            return new DraftReview(signed, 0, 0, warnings, Optional.of("Write a reply first"));
        }
        if (isPublic(mention.channel(), privately)) {
            var names = new ArrayList<String>(staffNames);
            if (mention.author() != null && mention.author().displayName() != null) {
                names.add(mention.author().displayName());
            }
            var found = personalData.find(body, names);
            if (!found.isEmpty()) {
                warnings.add(new DraftWarning.PersonalDataInPublic(found));
            }
        }
        copyPaste(body).ifPresent(warnings::add);
        Deflections.find(body)
                .ifPresent(phrase ->
                        warnings.add(new DraftWarning.Deflection(phrase, privateFollowUp(mention.channel()))));

        int length;
        int limit;
        if (mention.channel() == Channel.TWITTER) {
            // X's own counting (twitter-text), as the X channel checks it before posting.
            length = TweetLength.of(signed).weightedLength();
            limit = privately ? DIRECT_MESSAGE_LIMIT : TweetLength.MAX;
        } else {
            length = signed.codePointCount(0, signed.length());
            limit = 0;
        }
        Optional<String> blocked = limit > 0 && length > limit
                ? Optional.of("Too long for " + (privately ? "a direct message" : "a post on X") + ": " + length
                        + " of " + limit + " characters, signature included")
                : Optional.empty();
        return new DraftReview(signed, length, limit, warnings, blocked);
    }

    /**
     * Sends a reply. With warnings, the first attempt returns them; sending again with
     * {@code deliberately} goes ahead, and the warnings and that choice are recorded with the reply.
     */
    public SendAttempt send(StaffUser user, String mentionId, String draft, boolean privately, boolean deliberately) {
        return send(user, mentionId, draft, privately, warning -> deliberately);
    }

    /**
     * Sends a reply if every warning about it is acknowledged (an integration names the kinds of
     * warning it has shown its user); otherwise nothing is sent and the warnings come back.
     */
    public SendAttempt send(
            StaffUser user,
            String mentionId,
            String draft,
            boolean privately,
            java.util.function.Predicate<DraftWarning> acknowledged) {
        var found = queries.findToAct(user, mentionId);
        if (found.isEmpty()) {
            return new SendAttempt.NotFound(mentionId);
        }
        var mention = found.get();
        var review = review(user, mention, draft, privately);
        if (review.blocked().isPresent()) {
            return new SendAttempt.Blocked(review.blocked().get());
        }
        if (!review.warnings().stream().allMatch(acknowledged)) {
            return new SendAttempt.NeedsConfirmation(review.warnings());
        }
        var replyId = forDraft(mention.mentionId(), review.signed(), privately);
        var responder = responder(user);
        var now = clock.instant();
        var details = new HashMap<String, String>();
        details.put("replyId", replyId.value());
        details.put("channel", mention.channel().wire());
        details.put("privately", Boolean.toString(privately));
        details.put("draft", draft.strip());
        details.put(
                "warnings", review.warnings().stream().map(DraftWarning::kind).collect(Collectors.joining(",")));
        details.put(
                "warningMessages",
                review.warnings().stream().map(DraftWarning::message).collect(Collectors.joining("\n")));
        details.put("choice", review.warnings().isEmpty() ? "no warnings" : "sent despite warnings");

        if (!mention.channel().online()) {
            details.put("deliveredBy", mention.channel().wire());
            record(
                    mention,
                    Activity.Kind.REPLY_REQUESTED,
                    replyId.value(),
                    user.getUsername(),
                    review.signed(),
                    details,
                    now);
            record(
                    mention,
                    Activity.Kind.REPLY_SENT,
                    "outcome-" + replyId.value(),
                    user.getUsername(),
                    "Recorded as answered by " + mention.channel().wire(),
                    details,
                    now);
            index.updateStatus(
                    mention.mentionId(),
                    MentionStatus.REPLIED,
                    mention.assignee() == null ? user.getUsername() : null,
                    now);
            index.recordReply(
                    mention.mentionId(),
                    replyId.value(),
                    now,
                    review.warnings().stream().map(DraftWarning::kind).collect(Collectors.toSet()));
            return new SendAttempt.RecordedOffline(replyId);
        }

        var request = new ReplyRequested(
                replyId,
                new MentionId(mention.mentionId()),
                new ConversationId(mention.conversationId()),
                mention.channel(),
                mention.account(),
                responder,
                review.signed(),
                privately,
                now);
        try {
            Handover.publish(publisher, Topics.REPLIES, request).get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(mention, replyId, user, review.signed(), details, now);
        } catch (TimeoutException e) {
            return unknown(mention, replyId, user, review.signed(), details, now);
        } catch (ExecutionException e) {
            var refusal = refusal(e.getCause());
            if (refusal.isEmpty()) {
                // Gave up waiting for an answer (the producer's delivery timeout): the broker may have the record.
                return unknown(mention, replyId, user, review.signed(), details, now);
            }
            return new SendAttempt.Blocked("The reply could not be handed to the channel ("
                    + refusal.get().getClass().getSimpleName() + "): Kafka refused it and nothing was sent; try again");
        }
        try {
            record(
                    mention,
                    Activity.Kind.REPLY_REQUESTED,
                    replyId.value(),
                    user.getUsername(),
                    review.signed(),
                    details,
                    now);
            index.updateStatus(
                    mention.mentionId(),
                    mention.status() == null || mention.status() == MentionStatus.NEW
                            ? MentionStatus.IN_PROGRESS
                            : mention.status(),
                    mention.assignee() == null ? user.getUsername() : null,
                    now);
        } catch (RuntimeException e) {
            // Handed over all the same: its outcome is recorded when the channel reports it.
            log.error(
                    "Reply {} was handed to the channel, but the desk could not record the request: {}",
                    replyId,
                    e.toString());
        }
        return new SendAttempt.Requested(replyId, review.signed(), review.warnings());
    }

    /** Kafka's answer that it did not take the record (too large, not allowed...), if that is what went wrong. */
    private static Optional<Throwable> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return Optional.empty();
            }
            if (cause instanceof ApiException || cause instanceof SerializationException) {
                return Optional.of(cause);
            }
        }
        return Optional.empty();
    }

    /**
     * One id per draft: the same reply to the same mention, by the same person, the same way, is the
     * same reply however often Send is pressed, so a channel never sends it twice.
     */
    static ReplyId forDraft(String mentionId, String signed, boolean privately) {
        String draft = mentionId + '\u0000' + privately + '\u0000' + signed;
        return new ReplyId("reply-" + UUID.nameUUIDFromBytes(draft.getBytes(StandardCharsets.UTF_8)));
    }

    /** Kept in the history as asked for, with the outcome unknown, so there is something to check. */
    private SendAttempt unknown(
            MentionDocument mention,
            ReplyId replyId,
            StaffUser user,
            String signed,
            Map<String, String> details,
            Instant now) {
        try {
            var unconfirmed = new HashMap<>(details);
            unconfirmed.put("handover", UNCONFIRMED);
            record(
                    mention,
                    Activity.Kind.REPLY_REQUESTED,
                    replyId.value(),
                    user.getUsername(),
                    signed,
                    unconfirmed,
                    now);
        } catch (RuntimeException e) {
            log.warn("Could not record the unconfirmed reply {} in the history: {}", replyId, e.toString());
        }
        return new SendAttempt.Unknown(replyId, UNKNOWN);
    }

    static Responder responder(StaffUser user) {
        return new Responder(user.getUsername(), user.displayName(), user.title());
    }

    /** A person answers, not an institution: every reply ends with their name and role. */
    static String sign(Channel channel, String body, Responder responder) {
        return switch (channel) {
            case TWITTER -> body + "\n— " + responder.signature();
            default -> body + "\n\n" + responder.signature();
        };
    }

    static boolean isPublic(Channel channel, boolean privately) {
        return switch (channel) {
            case TWITTER -> !privately;
            case STORY -> true;
            default -> false;
        };
    }

    static String privateFollowUp(Channel channel) {
        return switch (channel) {
            case TWITTER -> "direct message";
            case STORY -> "private message through the story site";
            case EMAIL -> "private email";
            default -> "phone call";
        };
    }

    private Optional<DraftWarning> copyPaste(String body) {
        var shingles = Similarity.shingles(body);
        if (shingles.size() < 3) {
            return Optional.empty(); // "Thank you!" is not a template
        }
        double best = 0;
        int times = 0;
        for (var reply : activity.recentReplies(RECENT_REPLIES)) {
            String earlier = reply.detail("draft");
            if (earlier == null) {
                continue;
            }
            double similarity = Similarity.jaccard(shingles, Similarity.shingles(earlier));
            if (similarity >= COPY_THRESHOLD) {
                times++;
                best = Math.max(best, similarity);
            }
        }
        return times == 0
                ? Optional.empty()
                : Optional.of(new DraftWarning.CopyPaste((int) Math.round(best * 100), times));
    }

    private void record(
            MentionDocument mention,
            Activity.Kind kind,
            String id,
            String actor,
            String text,
            Map<String, String> details,
            Instant at) {
        activity.record(
                new Activity(id, mention.conversationId(), mention.mentionId(), kind, actor, text, details, at));
    }
}
