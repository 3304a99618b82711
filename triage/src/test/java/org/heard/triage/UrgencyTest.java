package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.contracts.Urgency;
import org.junit.jupiter.api.Test;

class UrgencyTest {

    private static Urgency urgency(String text) {
        return SharedTriage.get()
                .triage(TriageInput.of("t", text, Channel.TWITTER))
                .urgency();
    }

    @Test
    void raisesAPatientLeftOnATrolleyNowToImmediateWithThePhrase() {
        Urgency urgency = urgency("My dad has been left on a trolley for 14 hours and nobody has checked on him");
        assertThat(urgency.level()).isEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency.reasons()).anySatisfy(reason -> assertThat(reason).contains("left on a trolley"));
    }

    @Test
    void treatsTheSameNeglectInThePastAsHighNotImmediate() {
        Urgency urgency = urgency("My mum was left on a trolley for 14 hours. Nobody cared.");
        assertThat(urgency.level()).isEqualTo(Urgency.Level.HIGH);
        assertThat(urgency.reasons()).anySatisfy(reason -> assertThat(reason).contains("left on a trolley"));
    }

    @Test
    void raisesSuicidalIntentToImmediate() {
        assertThat(urgency("I want to end my life and the crisis team won't answer")
                        .level())
                .isEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency("I feel suicidal tonight").level()).isEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency("my son keeps cutting himself").level()).isEqualTo(Urgency.Level.IMMEDIATE);
    }

    @Test
    void doesNotRaiseNegatedRisk() {
        assertThat(urgency("I'm not suicidal, just tired of waiting for my appointment")
                        .level())
                .isNotEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency("I have never wanted to hurt myself").level()).isNotEqualTo(Urgency.Level.IMMEDIATE);
    }

    @Test
    void doesNotRaiseFiguresOfSpeech() {
        assertThat(urgency("I'll be dead by the time they come").level()).isEqualTo(Urgency.Level.NORMAL);
        assertThat(urgency("The paramedics were excellent in a crisis").level()).isEqualTo(Urgency.Level.NORMAL);
        assertThat(urgency("Honestly I'm dying for a cup of tea after that shift")
                        .level())
                .isEqualTo(Urgency.Level.NORMAL);
        assertThat(urgency("The kids were bored to death in the waiting room").level())
                .isNotEqualTo(Urgency.Level.IMMEDIATE);
    }

    @Test
    void distantPastRiskDoesNotRaiseUrgency() {
        assertThat(urgency("Years ago I used to self-harm, and this team helped me recover")
                        .level())
                .isEqualTo(Urgency.Level.NORMAL);
    }

    @Test
    void aHighlyCriticalStoryIsHighWithItsMostCriticalSentenceAsReason() {
        String text = "The appointment was moved twice.";
        TriageInput story = new TriageInput("s", text, Channel.STORY, List.of(), Map.of(TriageInput.CRITICALITY, "-5"));
        Urgency urgency = SharedTriage.get().triage(story).urgency();
        assertThat(urgency.level()).isEqualTo(Urgency.Level.HIGH);
        // Reasons are text of the mention, so the desk can highlight them.
        assertThat(urgency.reasons()).containsExactly(text);
    }

    @Test
    void aNarratedOrCounterfactualRiskIsNotImmediate() {
        assertThat(urgency("During the scan I couldn't breathe and the nurse held my hand")
                        .level())
                .isNotEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency("Without them I would have killed myself").level()).isNotEqualTo(Urgency.Level.IMMEDIATE);
    }

    @Test
    void selfHarmAsATopicOfTreatmentIsNotAnActNow() {
        assertThat(urgency("The group has helped me reduce my self-harm").level())
                .isNotEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(urgency("Support for drug abuse is hard to find here").level())
                .isNotEqualTo(Urgency.Level.IMMEDIATE);
    }

    @Test
    void oneHarshWordInAWarmStoryIsNotHigh() {
        assertThat(urgency("The food was horrible but every nurse was kind, caring and brilliant. Thank you all.")
                        .level())
                .isEqualTo(Urgency.Level.NORMAL);
    }

    @Test
    void severalSeriousFailuresInAComplaintAreHigh() {
        Urgency urgency =
                urgency("They gave my mother the wrong medication and the ward was filthy. Appalling, negligent care.");
        assertThat(urgency.level()).isEqualTo(Urgency.Level.HIGH);
        assertThat(urgency.reasons()).anySatisfy(reason -> assertThat(reason).contains("wrong medication"));
    }

    @Test
    void anOrdinaryThankYouIsNormal() {
        assertThat(urgency("Thank you to the district nurses for all their help with my dad")
                        .level())
                .isEqualTo(Urgency.Level.NORMAL);
    }
}
