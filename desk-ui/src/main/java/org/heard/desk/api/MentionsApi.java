package org.heard.desk.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
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
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndex;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The JSON API's mentions: search them page by page, read one, reply to one, work it (status,
 * assignee, notes, tag corrections), and stream new ones. The caller's scope applies as on the desk:
 * a manager (or a manager-scoped integration) reaches only their services' mentions, and any other
 * mention is 404, even asked for by id.
 */
@RestController
@ConditionalOnRole(HeardRole.DESK)
@RequestMapping("/api/mentions")
class MentionsApi {

    static final int MAX_SIZE = 100;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final InboxQueries queries;
    private final ReplyDesk replies;
    private final MentionWork work;
    private final IdempotencyKeys keys;
    private final MentionStream stream;
    private final AuditTrail audit;

    MentionsApi(InboxQueries queries, ReplyDesk replies, MentionWork work, IdempotencyKeys keys, MentionStream stream,
            AuditTrail audit) {
        this.queries = queries;
        this.replies = replies;
        this.work = work;
        this.keys = keys;
        this.stream = stream;
        this.audit = audit;
    }

    /**
     * One page of the mentions matching every filter given, newest first (or oldest first). The
     * {@code next} link continues exactly after this page: mentions arriving or changing meanwhile
     * never repeat a mention or skip one.
     */
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
            @RequestParam(name = "from", required = false) Instant from,
            @RequestParam(name = "to", required = false) Instant to,
            @RequestParam(name = "sort", defaultValue = "newest") String sort,
            @RequestParam(name = "size", defaultValue = "20") int size,
            @RequestParam(name = "cursor", required = false) String cursor,
            HttpServletRequest request) {
        if (size < 1 || size > MAX_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be 1.." + MAX_SIZE);
        }
        var order = switch (sort) {
            case "newest" -> MentionIndex.Order.NEWEST_PUBLISHED;
            case "oldest" -> MentionIndex.Order.OLDEST_PUBLISHED;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "sort must be newest or oldest");
        };
        MentionQuery query;
        MentionIndex.Position after = null;
        try {
            query = new MentionQuery(words,
                    map(channels, Channel::fromWire),
                    services,
                    map(sentiments, Sentiment.Label::fromWire),
                    map(urgencies, Urgency.Level::fromWire),
                    map(statuses, MentionStatus::fromWire),
                    assignee, from, to, null);
            if (cursor != null) {
                var decoded = MentionCursor.decode(cursor);
                if (decoded.order() != order) {
                    throw new IllegalArgumentException("This cursor belongs to another sort order");
                }
                after = decoded.position();
            }
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        // One more than asked for: the next link is given only when there is a next page.
        var page = queries.page(user, query, order, after, size + 1);
        boolean more = page.mentions().size() > size;
        var mentions = more ? page.mentions().subList(0, size) : page.mentions();
        if (!mentions.isEmpty()) {
            audit.record(user.getUsername(), AuditAction.API_SEARCHED, null, null,
                    "mentions=" + String.join(",", mentions.stream().map(MentionDocument::mentionId).toList()));
        }
        String next = more
                ? UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam("cursor", new MentionCursor(order, page.positions().get(size - 1)).encode())
                        .build()
                        .toUriString()
                : null;
        return new MentionPage(page.total(), mentions, next);
    }

    @GetMapping("/{mentionId}")
    MentionDocument one(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId) {
        var mention = queries.find(user, mentionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(user.getUsername(), AuditAction.API_MENTION_READ, mention.mentionId(), mention.conversationId(), "");
        return mention;
    }

    /**
     * New mentions in the caller's scope as they arrive (server-sent events), each with an
     * {@code id:} to resume after with {@code Last-Event-ID}.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal StaffUser user,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        MentionCursor resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                resumeAfter = MentionCursor.decode(lastEventId.strip());
            } catch (IllegalArgumentException e) {
                // Not an id this API sent: an event-stream client cannot read an error, so the stream starts live.
                resumeAfter = null;
            }
        }
        return stream.open(user, resumeAfter);
    }

    /**
     * Sends a reply through the desk's own checks. With warnings the caller has not acknowledged
     * (by kind, or all with {@code deliberately}), nothing is sent and they come back (409). With an
     * {@code Idempotency-Key}, a repeat of a request that sent a reply gets the same answer and sends
     * nothing.
     */
    @PostMapping("/{mentionId}/replies")
    ResponseEntity<?> reply(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key, @RequestBody ReplyDraft draft) {
        if (key == null) {
            return answer(send(user, mentionId, draft));
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY + " must be 1 to 255 visible ASCII characters");
        }
        String requestHash = IdempotencyKeys.sha256(String.join("\n", mentionId, String.valueOf(draft.text()),
                String.valueOf(draft.privately()), String.valueOf(draft.deliberately()),
                String.join(",", new TreeSet<>(draft.acknowledged()))));
        return switch (keys.claim(user.getUsername(), key, requestHash)) {
            case IdempotencyKeys.Claim.Answered answered -> answered.requestHash().equals(requestHash)
                    ? ResponseEntity.status(answered.status()).header("Idempotent-Replayed", "true").body(answered.body())
                    : ResponseEntity.unprocessableContent().body(new ReplyResult(null, "key-reused", null, List.of(),
                            "This " + IDEMPOTENCY_KEY + " was used for a different request"));
            case IdempotencyKeys.Claim.InProgress inProgress -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ReplyResult(null, "in-progress", null, List.of(), "A request with this " + IDEMPOTENCY_KEY
                            + " has been in progress since " + inProgress.since()
                            + "; read the conversation to see whether the reply was sent"));
            case IdempotencyKeys.Claim.Claimed claimed -> {
                // Should sending fail midway the key stays claimed: whether the reply went out is unknown,
                // and a retry must not risk sending it twice.
                var attempt = send(user, mentionId, draft);
                var answer = answer(attempt);
                if (attempt instanceof SendAttempt.Requested || attempt instanceof SendAttempt.RecordedOffline) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = DeskJson.mapper().convertValue(answer.getBody(), Map.class);
                    keys.complete(claimed, user.getUsername(), requestHash, answer.getStatusCode().value(), body);
                } else if (!(attempt instanceof SendAttempt.Unknown)) {
                    keys.release(claimed); // nothing was sent: the same key may be used again
                } // unknown whether it was sent: the key stays taken, and a retry with it is told to check first
                yield answer;
            }
        };
    }

    private SendAttempt send(StaffUser user, String mentionId, ReplyDraft draft) {
        boolean deliberately = Boolean.TRUE.equals(draft.deliberately());
        Set<String> acknowledged = draft.acknowledged();
        return replies.send(user, mentionId, draft.text(), Boolean.TRUE.equals(draft.privately()),
                warning -> deliberately || acknowledged.contains(warning.kind()));
    }

    private static ResponseEntity<ReplyResult> answer(SendAttempt attempt) {
        return switch (attempt) {
            case SendAttempt.Requested requested -> ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(new ReplyResult(requested.replyId().value(), "requested", requested.text(),
                            warnings(requested.warningsOverridden()), null));
            case SendAttempt.RecordedOffline offline -> ResponseEntity.status(HttpStatus.CREATED)
                    .body(new ReplyResult(offline.replyId().value(), "recorded", null, List.of(), null));
            case SendAttempt.NeedsConfirmation confirm -> ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(new ReplyResult(null, "needs-confirmation", null, warnings(confirm.warnings()),
                            "Nothing was sent: acknowledge the warnings (acknowledgedWarnings) to send it as it is"));
            case SendAttempt.Unknown unknown -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(new ReplyResult(unknown.replyId().value(), "unknown", null, List.of(), unknown.reason()));
            case SendAttempt.Blocked blocked -> ResponseEntity.unprocessableContent()
                    .body(new ReplyResult(null, "blocked", null, List.of(), blocked.reason()));
            case SendAttempt.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    /** Sets the status ({@code {"status": "waiting-for-patient"}}). */
    @PostMapping("/{mentionId}/status")
    ResponseEntity<ApiProblems.Problem> status(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestBody Map<String, String> body) {
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
    ResponseEntity<ApiProblems.Problem> assign(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestBody Map<String, String> body) {
        return answer(work.assign(user, mentionId, body.get("assignee")));
    }

    /** Adds an internal note ({@code {"text": "..."}}), never sent to the patient. */
    @PostMapping("/{mentionId}/notes")
    ResponseEntity<ApiProblems.Problem> note(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
            @RequestBody Map<String, String> body) {
        return answer(work.note(user, mentionId, body.get("text")));
    }

    /**
     * Corrects a tag ({@code {"field": "sentiment|urgency|service", "value": "negative"}}); kept as
     * labelled data for the next model.
     */
    @PostMapping("/{mentionId}/corrections")
    ResponseEntity<ApiProblems.Problem> correct(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId,
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

    private static ResponseEntity<ApiProblems.Problem> answer(MentionWork.Outcome outcome) {
        return switch (outcome) {
            case MentionWork.Outcome.Done done -> ResponseEntity.noContent().build();
            case MentionWork.Outcome.Refused refused -> ResponseEntity.unprocessableContent().body(new ApiProblems.Problem(refused.reason()));
            case MentionWork.Outcome.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static List<Warning> warnings(List<DraftWarning> warnings) {
        return warnings.stream().map(warning -> new Warning(warning.kind(), warning.message())).toList();
    }

    private static <T> Set<T> map(Set<String> values, Function<String, T> parse) {
        return values == null ? Set.of() : values.stream().map(parse).collect(Collectors.toSet());
    }

    /** @param next the link to the page after this one; null on the last page */
    record MentionPage(long total, List<MentionDocument> mentions, String next) {}

    /**
     * @param acknowledgedWarnings the kinds of warning the caller's user has seen and accepts
     *     ({@code personal-data}, {@code copy-paste}, {@code deflection})
     * @param deliberately accept every warning (a member of staff's script)
     */
    record ReplyDraft(String text, Boolean privately, Boolean deliberately, List<String> acknowledgedWarnings) {
        Set<String> acknowledged() {
            return acknowledgedWarnings == null ? Set.of()
                    : acknowledgedWarnings.stream().filter(java.util.Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** @param text the reply as sent, signed with the responder's name and role */
    record ReplyResult(String replyId, String state, String text, List<Warning> warnings, String error) {}

    /** @param kind stable, to acknowledge; message for a person */
    record Warning(String kind, String message) {}
}
