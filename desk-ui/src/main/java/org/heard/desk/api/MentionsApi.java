package org.heard.desk.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.reply.DraftWarning;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.SendAttempt;
import org.heard.desk.security.StaffUser;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.heard.triage.index.MentionDocument;
import org.heard.triage.index.MentionQuery;
import org.heard.triage.index.MentionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API for integrations: search mentions (most urgent and longest-waiting first), read one,
 * reply to one. The caller's scope applies as on the desk: a manager reaches only their services'
 * mentions, and any other mention is 404, even asked for by id.
 */
@RestController
@ConditionalOnRole(HeardRole.DESK)
@RequestMapping("/api/mentions")
class MentionsApi {

    static final int MAX_SIZE = 100;

    private final InboxQueries queries;
    private final ReplyDesk replies;
    private final MentionWork work;
    private final AuditTrail audit;

    MentionsApi(InboxQueries queries, ReplyDesk replies, MentionWork work, AuditTrail audit) {
        this.queries = queries;
        this.replies = replies;
        this.work = work;
        this.audit = audit;
    }

    @GetMapping
    MentionPage search(
            @AuthenticationPrincipal StaffUser user,
            @RequestParam(name = "q", required = false) String words,
            @RequestParam(name = "channel", required = false) Set<String> channels,
            @RequestParam(name = "service", required = false) Set<String> services,
            @RequestParam(name = "sentiment", required = false) Set<String> sentiments,
            @RequestParam(name = "urgency", required = false) Set<String> urgencies,
            @RequestParam(name = "status", required = false) Set<String> statuses,
            @RequestParam(name = "assignee", required = false) String assignee,
            @RequestParam(name = "publishedFrom", required = false) Instant publishedFrom,
            @RequestParam(name = "publishedBefore", required = false) Instant publishedBefore,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam(name = "from", defaultValue = "0") int from) {
        if (size < 1 || size > MAX_SIZE || from < 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be 1.." + MAX_SIZE + " and from >= 0");
        }
        MentionQuery query;
        try {
            query = new MentionQuery(words,
                    map(channels, Channel::fromWire),
                    services,
                    map(sentiments, Sentiment.Label::fromWire),
                    map(urgencies, Urgency.Level::fromWire),
                    map(statuses, MentionStatus::fromWire),
                    assignee, publishedFrom, publishedBefore, null);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        var page = queries.search(user, query, from, size);
        if (!page.mentions().isEmpty()) {
            audit.record(user.getUsername(), AuditAction.API_SEARCHED, null, null,
                    "mentions=" + String.join(",", page.mentions().stream().map(MentionDocument::mentionId).toList()));
        }
        return new MentionPage(page.total(), page.mentions());
    }

    @GetMapping("/{mentionId}")
    MentionDocument one(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId) {
        var mention = queries.find(user, mentionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(user.getUsername(), AuditAction.API_MENTION_READ, mention.mentionId(), mention.conversationId(), "");
        return mention;
    }

    /**
     * Sends a reply. With warnings and {@code deliberately} false, nothing is sent and the warnings
     * come back (409) so the caller can decide.
     */
    @PostMapping("/{mentionId}/replies")
    ResponseEntity<ReplyResult> reply(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestBody ReplyDraft draft) {
        var attempt = replies.send(user, mentionId, draft.text(), Boolean.TRUE.equals(draft.privately()),
                Boolean.TRUE.equals(draft.deliberately()));
        return switch (attempt) {
            case SendAttempt.Requested requested -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new ReplyResult(requested.replyId().value(), "requested", messages(requested.warningsOverridden())));
            case SendAttempt.RecordedOffline offline -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(new ReplyResult(offline.replyId().value(), "recorded", List.of()));
            case SendAttempt.NeedsConfirmation confirm -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ReplyResult(null, "needs-confirmation", messages(confirm.warnings())));
            case SendAttempt.Blocked blocked -> ResponseEntity.unprocessableContent()
                    .body(new ReplyResult(null, "blocked", List.of(blocked.reason())));
            case SendAttempt.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    /** Sets the status ({@code {"status": "waiting-for-patient"}}). */
    @PostMapping("/{mentionId}/status")
    ResponseEntity<Problem> status(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Map<String, String> body) {
        MentionStatus status;
        try {
            status = MentionStatus.fromWire(String.valueOf(body.get("status")));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status must be one of new, in-progress, waiting-for-patient, replied, closed");
        }
        return answer(work.changeStatus(user, mentionId, status));
    }

    /** Assigns it ({@code {"assignee": "sam"}}). */
    @PostMapping("/{mentionId}/assignee")
    ResponseEntity<Problem> assign(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Map<String, String> body) {
        return answer(work.assign(user, mentionId, body.get("assignee")));
    }

    /** Adds an internal note ({@code {"text": "..."}}), never sent to the patient. */
    @PostMapping("/{mentionId}/notes")
    ResponseEntity<Problem> note(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Map<String, String> body) {
        return answer(work.note(user, mentionId, body.get("text")));
    }

    /**
     * Corrects a tag ({@code {"field": "sentiment|urgency|service", "value": "negative"}}); kept as
     * labelled data for the next model.
     */
    @PostMapping("/{mentionId}/corrections")
    ResponseEntity<Problem> correct(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestBody Map<String, String> body) {
        String value = String.valueOf(body.get("value"));
        try {
            return answer(switch (String.valueOf(body.get("field"))) {
                case "sentiment" -> work.correctSentiment(user, mentionId, Sentiment.Label.fromWire(value));
                case "urgency" -> work.correctUrgency(user, mentionId, Urgency.Level.fromWire(value));
                case "service" -> work.correctService(user, mentionId, value);
                default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "field must be sentiment, urgency or service");
            });
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such " + body.get("field") + ": " + value);
        }
    }

    private static ResponseEntity<Problem> answer(MentionWork.Outcome outcome) {
        return switch (outcome) {
            case MentionWork.Outcome.Done done -> ResponseEntity.noContent().build();
            case MentionWork.Outcome.Refused refused -> ResponseEntity.unprocessableContent().body(new Problem(refused.reason()));
            case MentionWork.Outcome.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static List<String> messages(List<DraftWarning> warnings) {
        return warnings.stream().map(DraftWarning::message).toList();
    }

    private static <T> Set<T> map(Set<String> values, java.util.function.Function<String, T> parse) {
        return values == null ? Set.of() : values.stream().map(parse).collect(java.util.stream.Collectors.toSet());
    }

    record MentionPage(long total, List<MentionDocument> mentions) {}

    /**
     * Answered here rather than by the servlet's error page: an error dispatch would meet the desk's
     * security chain, which answers 403 for any status.
     */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> refused(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).body(new Problem(e.getReason() == null ? "" : e.getReason()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Problem> unreadable(Exception e) {
        return ResponseEntity.badRequest().body(new Problem("Unreadable request: " + e.getClass().getSimpleName()));
    }

    record Problem(String error) {}

    record ReplyDraft(String text, Boolean privately, Boolean deliberately) {}

    record ReplyResult(String replyId, String state, List<String> messages) {}
}
