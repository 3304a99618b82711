package org.heard.desk.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Sentiment;
import org.heard.contracts.Urgency;
import org.heard.contracts.WireEnum;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.InboxQueries;
import org.heard.desk.mentions.MentionWork;
import org.heard.desk.reply.DraftWarning;
import org.heard.desk.reply.ReplyDesk;
import org.heard.desk.reply.SendAttempt;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.MentionStatus;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
@RequestMapping(path = "/api/mentions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "mentions", description = "Search, read, answer and work the mentions in your scope, and stream new ones")
class MentionsApi {

    static final int MAX_SIZE = 100;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final InboxQueries queries;
    private final ReplyDesk replies;
    private final MentionWork work;
    private final IdempotencyKeys keys;
    private final MentionStream stream;
    private final AuditTrail audit;

    MentionsApi(
            InboxQueries queries,
            ReplyDesk replies,
            MentionWork work,
            IdempotencyKeys keys,
            MentionStream stream,
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
    @Operation(
            operationId = "searchMentions",
            summary = "Search mentions, a page at a time",
            description =
                    "Every filter is optional; repeat a filter for several values. Follow `next` for the page after.")
    MentionPage search(
            @AuthenticationPrincipal StaffUser user,
            @Parameter(description = "Words in the text, subject, author or urgency reasons")
                    @RequestParam(name = "q", required = false)
                    String words,
            @RequestParam(name = "channel", required = false) Set<Channel> channels,
            @Parameter(description = "A catalogue service id (within your scope)")
                    @RequestParam(name = "service", required = false)
                    Set<String> services,
            @RequestParam(name = "sentiment", required = false) Set<Sentiment.Label> sentiments,
            @RequestParam(name = "urgency", required = false) Set<Urgency.Level> urgencies,
            @RequestParam(name = "status", required = false) Set<MentionStatus> statuses,
            @Parameter(description = "A username, or `-` for nobody") @RequestParam(name = "assignee", required = false)
                    String assignee,
            @Parameter(description = "Published at or after (ISO-8601)") @RequestParam(name = "from", required = false)
                    Instant from,
            @Parameter(description = "Published before (ISO-8601)") @RequestParam(name = "to", required = false)
                    Instant to,
            @Parameter(
                            description = "By publication time, newest or oldest first",
                            schema = @Schema(implementation = Sort.class, defaultValue = "newest"))
                    @RequestParam(name = "sort", defaultValue = "newest")
                    Sort sort,
            @Parameter(
                            description = "How many mentions a page holds",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RequestParam(name = "size", defaultValue = "20")
                    int size,
            @Parameter(description = "Where the previous page ended: follow `next` rather than building it")
                    @RequestParam(name = "cursor", required = false)
                    String cursor,
            HttpServletRequest request) {
        if (size < 1 || size > MAX_SIZE) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be 1.." + MAX_SIZE);
        }
        var order = sort.order();
        MentionQuery query;
        MentionSearch.Position after = null;
        try {
            query = new MentionQuery(
                    words, channels, services, sentiments, urgencies, statuses, assignee, from, to, null);
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
            audit.record(
                    user.getUsername(),
                    AuditAction.API_SEARCHED,
                    null,
                    null,
                    "mentions="
                            + String.join(
                                    ",",
                                    mentions.stream()
                                            .map(mention -> mention.mentionId())
                                            .toList()));
        }
        String next = more
                ? UriComponentsBuilder.fromPath(request.getRequestURI())
                        .query(request.getQueryString())
                        .replaceQueryParam(
                                "cursor",
                                new MentionCursor(order, page.positions().get(size - 1)).encode())
                        .build()
                        .toUriString()
                : null;
        return new MentionPage(
                page.total(), mentions.stream().map(ApiMention::of).toList(), next);
    }

    @GetMapping("/{mentionId}")
    @Operation(operationId = "getMention", summary = "Read one mention")
    ApiMention one(@AuthenticationPrincipal StaffUser user, @PathVariable String mentionId) {
        var mention =
                queries.find(user, mentionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        audit.record(
                user.getUsername(), AuditAction.API_MENTION_READ, mention.mentionId(), mention.conversationId(), "");
        return ApiMention.of(mention);
    }

    /**
     * New mentions in the caller's scope as they arrive (server-sent events), each with an
     * {@code id:} to resume after with {@code Last-Event-ID}.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamMentions",
            summary = "Stream new mentions as server-sent events",
            description =
                    "One `mention` event per mention as triage tags it; reconnect with `Last-Event-ID` to resume.")
    @ApiResponse(
            responseCode = "200",
            description = "Server-sent events: `event: mention`, `id:` a position to resume after,"
                    + " `data:` a Mention as JSON; `:heartbeat` comments keep the connection open",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter stream(
            @AuthenticationPrincipal StaffUser user,
            @Parameter(description = "The `id:` of the last event received, to resume after it")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId) {
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
    @PostMapping(path = "/{mentionId}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "replyToMention",
            summary = "Reply to a mention on the patient's channel",
            description =
                    "202 handed to the channel, 201 recorded (letter, phone); 409 with `warnings` and nothing sent until "
                            + "they are acknowledged; 422 when it cannot be sent as it is.")
    @ApiResponse(
            responseCode = "202",
            description = "Handed to the channel: delivery shows in the conversation",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReplyResult.class)))
    @ApiResponse(
            responseCode = "201",
            description = "Recorded as answered (a letter or phone channel)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReplyResult.class)))
    @ApiResponse(
            responseCode = "409",
            description = "Nothing was sent: warnings to acknowledge, or this Idempotency-Key is in progress",
            content =
                    @Content(
                            mediaType = ApiDescription.PROBLEM_JSON,
                            schema = @Schema(ref = ApiDescription.REPLY_PROBLEM)))
    @ApiResponse(
            responseCode = "422",
            description =
                    "Cannot be sent as it is (too long, empty), or the Idempotency-Key was used for another request",
            content =
                    @Content(
                            mediaType = ApiDescription.PROBLEM_JSON,
                            schema = @Schema(ref = ApiDescription.REPLY_PROBLEM)))
    @ApiResponse(
            responseCode = "503",
            description = "Unknown whether it was sent (state unknown, with its replyId): it may still go out; "
                    + "read the conversation before trying again. The Idempotency-Key stays taken",
            content =
                    @Content(
                            mediaType = ApiDescription.PROBLEM_JSON,
                            schema = @Schema(ref = ApiDescription.REPLY_PROBLEM)))
    ResponseEntity<?> reply(
            @AuthenticationPrincipal StaffUser user,
            @PathVariable String mentionId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody ReplyDraft draft) {
        if (key == null) {
            return answer(send(user, mentionId, draft));
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, IDEMPOTENCY_KEY + " must be 1 to 255 visible ASCII characters");
        }
        String requestHash = IdempotencyKeys.sha256(String.join(
                "\n",
                mentionId,
                String.valueOf(draft.text()),
                String.valueOf(draft.privately()),
                String.valueOf(draft.deliberately()),
                String.join(",", new TreeSet<>(draft.acknowledged()))));
        return switch (keys.claim(user.getUsername(), key, requestHash)) {
            case IdempotencyKeys.Claim.Answered answered ->
                answered.requestHash().equals(requestHash)
                        ? ResponseEntity.status(answered.status())
                                .header("Idempotent-Replayed", "true")
                                .body(answered.body())
                        : ApiProblems.problem(
                                HttpStatus.UNPROCESSABLE_CONTENT,
                                "This " + IDEMPOTENCY_KEY + " was used for a different request",
                                Map.of("state", "key-reused"));
            case IdempotencyKeys.Claim.InProgress inProgress ->
                ApiProblems.problem(
                        HttpStatus.CONFLICT,
                        "A request with this "
                                + IDEMPOTENCY_KEY + " has been in progress since " + inProgress.since()
                                + "; read the conversation to see whether the reply was sent",
                        Map.of("state", "in-progress"));
            case IdempotencyKeys.Claim.Claimed claimed -> {
                // Should sending fail midway the key stays claimed: whether the reply went out is unknown,
                // and a retry must not risk sending it twice.
                var attempt = send(user, mentionId, draft);
                var answer = answer(attempt);
                if (attempt instanceof SendAttempt.Requested || attempt instanceof SendAttempt.RecordedOffline) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> body = DeskJson.mapper().convertValue(answer.getBody(), Map.class);
                    keys.complete(
                            claimed,
                            user.getUsername(),
                            requestHash,
                            answer.getStatusCode().value(),
                            body);
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
        return replies.send(
                user,
                mentionId,
                draft.text(),
                Boolean.TRUE.equals(draft.privately()),
                warning -> deliberately || acknowledged.contains(warning.kind()));
    }

    private static ResponseEntity<?> answer(SendAttempt attempt) {
        return switch (attempt) {
            case SendAttempt.Requested requested ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new ReplyResult(
                                requested.replyId().value(),
                                "requested",
                                requested.text(),
                                warnings(requested.warningsOverridden())));
            case SendAttempt.RecordedOffline offline ->
                ResponseEntity.status(HttpStatus.CREATED)
                        .body(new ReplyResult(offline.replyId().value(), "recorded", null, List.of()));
            case SendAttempt.NeedsConfirmation confirm ->
                ApiProblems.problem(
                        HttpStatus.CONFLICT,
                        "Nothing was sent: acknowledge the warnings (acknowledgedWarnings) to send it as it is",
                        Map.of("state", "needs-confirmation", "warnings", warnings(confirm.warnings())));
            case SendAttempt.Unknown unknown ->
                ApiProblems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        unknown.reason(),
                        Map.of("state", "unknown", "replyId", unknown.replyId().value()));
            case SendAttempt.Blocked blocked ->
                ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, blocked.reason(), Map.of("state", "blocked"));
            case SendAttempt.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    @PostMapping(path = "/{mentionId}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setMentionStatus", summary = "Set where staff are with a mention")
    @ApiResponse(
            responseCode = "204",
            description = "Done, and recorded in the conversation's history",
            content = @Content)
    @ApiResponse(
            responseCode = "422",
            description = "Refused (for example a service that is not in the catalogue)",
            content = @Content(mediaType = ApiDescription.PROBLEM_JSON, schema = @Schema(ref = ApiDescription.PROBLEM)))
    ResponseEntity<ProblemDetail> status(
            @AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody StatusChange body) {
        MentionStatus status;
        try {
            status = MentionStatus.fromWire(body.status());
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return answer(work.changeStatus(user, mentionId, status));
    }

    @PostMapping(path = "/{mentionId}/assignee", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "assignMention", summary = "Assign a mention to a member of staff")
    @ApiResponse(
            responseCode = "204",
            description = "Done, and recorded in the conversation's history",
            content = @Content)
    @ApiResponse(
            responseCode = "422",
            description = "Refused (for example a service that is not in the catalogue)",
            content = @Content(mediaType = ApiDescription.PROBLEM_JSON, schema = @Schema(ref = ApiDescription.PROBLEM)))
    ResponseEntity<ProblemDetail> assign(
            @AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Assignment body) {
        return answer(work.assign(user, mentionId, body.assignee()));
    }

    @PostMapping(path = "/{mentionId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addNote", summary = "Add an internal note, never sent to the patient")
    @ApiResponse(
            responseCode = "204",
            description = "Done, and recorded in the conversation's history",
            content = @Content)
    @ApiResponse(
            responseCode = "422",
            description = "Refused (for example a service that is not in the catalogue)",
            content = @Content(mediaType = ApiDescription.PROBLEM_JSON, schema = @Schema(ref = ApiDescription.PROBLEM)))
    ResponseEntity<ProblemDetail> note(
            @AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Note body) {
        return answer(work.note(user, mentionId, body.text()));
    }

    /** Kept as labelled data for the next model (see {@code GET /api/corrections}). */
    @PostMapping(path = "/{mentionId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "correctTag", summary = "Correct a tag (sentiment, urgency or a service)")
    @ApiResponse(
            responseCode = "204",
            description = "Done, and recorded in the conversation's history",
            content = @Content)
    @ApiResponse(
            responseCode = "422",
            description = "Refused (for example a service that is not in the catalogue)",
            content = @Content(mediaType = ApiDescription.PROBLEM_JSON, schema = @Schema(ref = ApiDescription.PROBLEM)))
    ResponseEntity<ProblemDetail> correct(
            @AuthenticationPrincipal StaffUser user, @PathVariable String mentionId, @RequestBody Correction body) {
        String value = String.valueOf(body.value());
        try {
            return answer(
                    switch (body.field() == null ? "" : body.field()) {
                        case "sentiment" -> work.correctSentiment(user, mentionId, Sentiment.Label.fromWire(value));
                        case "urgency" -> work.correctUrgency(user, mentionId, Urgency.Level.fromWire(value));
                        case "service" -> work.correctService(user, mentionId, value);
                        default ->
                            throw new ResponseStatusException(
                                    HttpStatus.BAD_REQUEST, "field must be sentiment, urgency or service");
                    });
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such " + body.field() + ": " + value);
        }
    }

    private static ResponseEntity<ProblemDetail> answer(MentionWork.Outcome outcome) {
        return switch (outcome) {
            case MentionWork.Outcome.Done done -> ResponseEntity.noContent().build();
            case MentionWork.Outcome.Refused refused ->
                ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, refused.reason());
            case MentionWork.Outcome.NotFound notFound -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    private static List<Warning> warnings(List<DraftWarning> warnings) {
        return warnings.stream()
                .map(warning -> new Warning(warning.kind(), warning.message()))
                .toList();
    }

    /** The API's orders: by publication time, newest or oldest first. */
    enum Sort implements WireEnum {
        NEWEST(MentionSearch.Order.NEWEST_PUBLISHED),
        OLDEST(MentionSearch.Order.OLDEST_PUBLISHED);

        private final MentionSearch.Order order;

        Sort(MentionSearch.Order order) {
            this.order = order;
        }

        MentionSearch.Order order() {
            return order;
        }
    }

    /**
     * @param total how many mentions match now
     * @param next the link to the page after this one; null on the last page
     */
    @Schema(name = "MentionPage")
    record MentionPage(long total, List<ApiMention> mentions, String next) {}

    /** {@code {"status": "waiting-for-patient"}} */
    record StatusChange(
            @Schema(implementation = MentionStatus.class) String status) {}

    /** {@code {"assignee": "sam"}} */
    record Assignment(
            @Schema(description = "A member of staff's username")
            String assignee) {}

    /** {@code {"text": "Called her back"}} */
    record Note(String text) {}

    /** {@code {"field": "urgency", "value": "high"}} */
    record Correction(
            @Schema(allowableValues = {"sentiment", "urgency", "service"})
            String field,

            @Schema(description = "A sentiment label, an urgency level, or a catalogue service id")
            String value) {}

    /**
     * @param acknowledgedWarnings the kinds of warning the caller's user has seen and accepts
     *     ({@code personal-data}, {@code copy-paste}, {@code deflection})
     * @param deliberately accept every warning (a member of staff's script)
     */
    record ReplyDraft(String text, Boolean privately, Boolean deliberately, List<String> acknowledgedWarnings) {
        Set<String> acknowledged() {
            return acknowledgedWarnings == null
                    ? Set.of()
                    : acknowledgedWarnings.stream()
                            .filter(java.util.Objects::nonNull)
                            .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * @param state {@code requested} (handed to the channel) or {@code recorded} (a letter or phone call)
     * @param text the reply as sent, signed with the responder's name and role
     * @param warnings the warnings it was sent despite
     */
    record ReplyResult(
            String replyId,

            @Schema(allowableValues = {"requested", "recorded"})
            String state,

            String text,
            List<Warning> warnings) {}

    /** @param kind stable, to acknowledge; message for a person */
    record Warning(
            @Schema(allowableValues = {"personal-data", "copy-paste", "deflection"})
            String kind,

            String message) {}
}
