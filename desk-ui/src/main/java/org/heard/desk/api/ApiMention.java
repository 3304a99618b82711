package org.heard.desk.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;

/**
 * A mention as the API shows it: what the patient said, its tags and where staff are with it. The
 * API's own shape, not the index's: fields the index keeps for itself (its sort key, the model
 * version, an email's full original text) are not part of it, and a field added to the index is
 * not exposed until it is added here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Mention",
        description = "A mention in the caller's scope: what the patient said, its tags and where staff are with it")
record ApiMention(
        String mentionId,
        String conversationId,
        Channel channel,

        @Schema(description = "The mailbox, account or subscription it came in on")
        String account,

        @Schema(description = "The channel's own id of the message")
        String externalId,

        String inReplyToExternalId,
        Author author,
        String subject,
        String text,
        Instant publishedAt,
        Instant receivedAt,

        @Schema(description = "Catalogue services the channel named (the mailbox's, the account's)")
        List<String> serviceHints,

        Set<MentionFlag> flags,

        @Schema(
                description =
                        "What the channel says besides the text (an email's headers and attachments, a story's respond link)")
        Map<String, String> attributes,

        Sentiment sentiment,
        List<ServiceTag> services,
        Urgency urgency,

        @Schema(
                description =
                        "Personal data found in the text: its kind and where it is ([start, end) in UTF-16 characters)")
        List<PersonalData> personalData,

        @Schema(description = "Each sentence's sentiment as triage scored it ([start, end) in UTF-16 characters)")
        List<ScoredSentence> sentences,

        Instant triagedAt,
        MentionStatus status,
        String assignee,
        Instant updatedAt,
        Response response) {

    /** Channel attributes the index keeps but the API does not show: the full original an email's text was cut from. */
    static final Set<String> INTERNAL_ATTRIBUTES = Set.of("fullText");

    static ApiMention of(MentionDocument mention) {
        return new ApiMention(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                mention.account(),
                mention.externalId(),
                mention.inReplyToExternalId(),
                mention.author(),
                mention.subject(),
                mention.text(),
                mention.publishedAt(),
                mention.receivedAt(),
                mention.serviceHints(),
                mention.flags(),
                shown(mention.attributes()),
                mention.sentiment(),
                mention.services(),
                mention.urgency(),
                mention.personalData(),
                mention.sentences(),
                mention.triagedAt(),
                mention.status(),
                mention.assignee(),
                mention.updatedAt(),
                Response.of(mention.response()));
    }

    private static Map<String, String> shown(Map<String, String> attributes) {
        if (attributes == null) {
            return null;
        }
        var shown = new LinkedHashMap<>(attributes);
        shown.keySet().removeAll(INTERNAL_ATTRIBUTES);
        return shown;
    }

    /**
     * How the organisation answered it.
     *
     * @param firstResponseSeconds from the patient's message to the first reply
     * @param warnings the kinds of composer warning any reply was sent despite
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MentionResponse", description = "How the organisation answered the mention")
    record Response(
            Instant firstReplyAt,
            Long firstResponseSeconds,
            Integer replyCount,
            List<String> replyIds,
            Set<String> warnings,
            List<String> copyPasteReplyIds,
            List<String> deflectionReplyIds,
            MentionResponse.Change change,
            Instant changeAt,
            String changeBy) {

        static Response of(MentionResponse response) {
            return response == null
                    ? null
                    : new Response(
                            response.firstReplyAt(),
                            response.firstResponseSeconds(),
                            response.replyCount(),
                            response.replyIds(),
                            response.warnings(),
                            response.copyPasteReplyIds(),
                            response.deflectionReplyIds(),
                            response.change(),
                            response.changeAt(),
                            response.changeBy());
        }
    }
}
