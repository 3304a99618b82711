package org.heard.desk.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.heard.desk.activity.Activity;
import org.heard.desk.audit.AuditAction;
import org.heard.desk.audit.AuditTrail;
import org.heard.desk.mentions.ConversationHistory;
import org.heard.desk.security.StaffUser;
import org.heard.mentions.MentionDocument;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A conversation as an integration sees it: the patient's mentions in the caller's scope, and what
 * happened to them — replies with their delivery, status and assignment, tag corrections. Internal
 * notes are staff's working notes about a patient: shown to staff, and to an integration only when
 * its configuration allows ({@code heard.api.clients[N].internal-notes}).
 */
@RestController
@ConditionalOnRole(HeardRole.DESK)
@RequestMapping(path = "/api/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "conversations", description = "A conversation's mentions in your scope and what happened to them")
class ConversationsApi {

    private final ConversationHistory conversations;
    private final AuditTrail audit;

    ConversationsApi(ConversationHistory conversations, AuditTrail audit) {
        this.conversations = conversations;
        this.audit = audit;
    }

    @GetMapping("/{conversationId}")
    @Operation(
            operationId = "getConversation",
            summary = "Read a conversation: its mentions, oldest first, and its history")
    Conversation read(@AuthenticationPrincipal StaffUser user, @PathVariable String conversationId) {
        // A conversation may span services: what staff did to a mention out of scope stays out of sight.
        var seen = conversations.of(user, conversationId);
        if (seen.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var mentions = seen.mentions();
        Set<String> visible = mentions.stream().map(MentionDocument::mentionId).collect(Collectors.toSet());
        audit.record(
                user.getUsername(),
                AuditAction.API_CONVERSATION_READ,
                null,
                conversationId,
                "mentions=" + String.join(",", visible));
        var history = seen.history().stream()
                .map(entry -> shown(entry, user))
                .filter(Objects::nonNull)
                .toList();
        return new Conversation(
                conversationId, mentions.stream().map(ApiMention::of).toList(), history);
    }

    /** What of an entry an integration sees: chosen fields per kind, so new internal details are not exposed by accident. */
    static HistoryEntry shown(Activity entry, StaffUser user) {
        return switch (entry.kind()) {
            case NOTE -> user.seesInternalNotes() ? of(entry, entry.text()) : null;
            case STATUS_CHANGED -> of(entry, null, "status");
            case ASSIGNED -> of(entry, null, "assignee");
            case REPLY_REQUESTED -> of(entry, entry.text(), "replyId", "channel", "privately", "warnings", "choice");
            case REPLY_SENT -> of(entry, entry.text(), "replyId", "externalId", "deliveredBy");
            case REPLY_FAILED -> of(entry, entry.text(), "replyId", "retryable");
            case TAG_CORRECTED -> of(entry, null, "field", "from", "to");
            case CHANGE_MARKED -> of(entry, null, "change");
        };
    }

    private static HistoryEntry of(Activity entry, String text, String... details) {
        var shown = new LinkedHashMap<String, String>();
        for (String name : details) {
            String value = entry.detail(name);
            if (value != null && !value.isEmpty()) {
                shown.put(name, value);
            }
        }
        return new HistoryEntry(entry.kind().wire(), entry.at(), entry.actor(), entry.mentionId(), text, shown);
    }

    record Conversation(String conversationId, List<ApiMention> mentions, List<HistoryEntry> history) {}

    /**
     * @param actor a member of staff's username, an integration's name, or {@code channel} for a delivery outcome
     * @param text the reply as sent, the failure reason, or the note; absent for the other kinds
     */
    record HistoryEntry(
            @Schema(implementation = Activity.Kind.class) String kind,
            Instant at,
            String actor,
            String mentionId,
            String text,
            Map<String, String> details) {}
}
