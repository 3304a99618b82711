package org.heard.mentions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;

/**
 * A mention as the desk sees it: what the patient said, its tags, and where staff are with it.
 * Null fields are not written, so a partial update never erases what another stage set. How staff
 * answered it ({@link MentionResponse}) is written by the desk only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentionDocument(
        String mentionId,
        String conversationId,
        Channel channel,
        String account,
        String externalId,
        String inReplyToExternalId,
        Author author,
        String subject,
        String text,
        Instant publishedAt,
        Instant receivedAt,
        List<String> serviceHints,
        Set<MentionFlag> flags,
        Map<String, String> attributes,
        Sentiment sentiment,
        List<ServiceTag> services,
        Urgency urgency,
        Integer urgencyRank,
        List<PersonalData> personalData,
        String model,
        Instant triagedAt,
        MentionStatus status,
        String assignee,
        Instant updatedAt,
        MentionResponse response,
        List<ScoredSentence> sentences) {

    /** A document without sentence scores (indexed before triage scored sentences). */
    public MentionDocument(
            String mentionId,
            String conversationId,
            Channel channel,
            String account,
            String externalId,
            String inReplyToExternalId,
            Author author,
            String subject,
            String text,
            Instant publishedAt,
            Instant receivedAt,
            List<String> serviceHints,
            Set<MentionFlag> flags,
            Map<String, String> attributes,
            Sentiment sentiment,
            List<ServiceTag> services,
            Urgency urgency,
            Integer urgencyRank,
            List<PersonalData> personalData,
            String model,
            Instant triagedAt,
            MentionStatus status,
            String assignee,
            Instant updatedAt,
            MentionResponse response) {
        this(
                mentionId,
                conversationId,
                channel,
                account,
                externalId,
                inReplyToExternalId,
                author,
                subject,
                text,
                publishedAt,
                receivedAt,
                serviceHints,
                flags,
                attributes,
                sentiment,
                services,
                urgency,
                urgencyRank,
                personalData,
                model,
                triagedAt,
                status,
                assignee,
                updatedAt,
                response,
                null);
    }

    public static MentionDocument of(MentionReceived mention, MentionTriaged tags) {
        return new MentionDocument(
                mention.mentionId().value(),
                mention.conversationId().value(),
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
                mention.attributes(),
                tags.sentiment(),
                tags.services(),
                tags.urgency(),
                tags.urgency().level().rank(),
                tags.personalData(),
                tags.model(),
                tags.triagedAt(),
                null,
                null,
                null,
                null,
                tags.sentences());
    }

    /** The same document as first indexed: a new mention waits for someone. */
    MentionDocument asNew() {
        return new MentionDocument(
                mentionId,
                conversationId,
                channel,
                account,
                externalId,
                inReplyToExternalId,
                author,
                subject,
                text,
                publishedAt,
                receivedAt,
                serviceHints,
                flags,
                attributes,
                sentiment,
                services,
                urgency,
                urgencyRank,
                personalData,
                model,
                triagedAt,
                MentionStatus.NEW,
                assignee,
                updatedAt,
                response,
                sentences);
    }
}
