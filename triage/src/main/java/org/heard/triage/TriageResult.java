package org.heard.triage;

import java.util.List;
import java.util.Objects;
import org.heard.contracts.PersonalData;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;

/**
 * The tags for one mention, each with the phrases that led to it, every sentence's sentiment, and the
 * model that made them.
 */
public record TriageResult(
        String id,
        Sentiment sentiment,
        List<ServiceTag> services,
        Urgency urgency,
        List<PersonalData> personalData,
        String model,
        List<ScoredSentence> sentences) {

    public TriageResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sentiment, "sentiment");
        services = services == null ? List.of() : List.copyOf(services);
        urgency = urgency == null ? Urgency.normal() : urgency;
        personalData = personalData == null ? List.of() : List.copyOf(personalData);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public TriageResult(
            String id,
            Sentiment sentiment,
            List<ServiceTag> services,
            Urgency urgency,
            List<PersonalData> personalData,
            String model) {
        this(id, sentiment, services, urgency, personalData, model, List.of());
    }
}
