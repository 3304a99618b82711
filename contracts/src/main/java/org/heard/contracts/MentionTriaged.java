package org.heard.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Triage tagged a mention; the tags carry the phrases that led to them. */
public record MentionTriaged(
        MentionId mentionId,
        ConversationId conversationId,
        Channel channel,
        Sentiment sentiment,
        List<ServiceTag> services,
        Urgency urgency,
        List<PersonalData> personalData,
        String model,
        Instant triagedAt,
        List<ScoredSentence> sentences)
        implements DeskEvent {

    /** Tags without sentence scores (written before triage scored sentences). */
    public MentionTriaged(
            MentionId mentionId,
            ConversationId conversationId,
            Channel channel,
            Sentiment sentiment,
            List<ServiceTag> services,
            Urgency urgency,
            List<PersonalData> personalData,
            String model,
            Instant triagedAt) {
        this(
                mentionId,
                conversationId,
                channel,
                sentiment,
                services,
                urgency,
                personalData,
                model,
                triagedAt,
                List.of());
    }

    public MentionTriaged {
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(triagedAt, "triagedAt");
        services = services == null ? List.of() : List.copyOf(services);
        urgency = urgency == null ? Urgency.normal() : urgency;
        personalData = personalData == null ? List.of() : List.copyOf(personalData);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return triagedAt;
    }
}
