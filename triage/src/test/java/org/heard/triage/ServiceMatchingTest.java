package org.heard.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.contracts.ServiceTag;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.junit.jupiter.api.Test;

class ServiceMatchingTest {

    private static List<String> services(String text) {
        return SharedTriage.get().triage(TriageInput.of("t", text, Channel.TWITTER)).services().stream()
                .map(ServiceTag::serviceId)
                .toList();
    }

    @Test
    void findsServicesByLayTermsAndInflections() {
        assertThat(services("Waited 9 hours in A&E last night")).contains("emergency-department");
        assertThat(services("The district nurses who visit my gran are lovely")).contains("community-health");
        assertThat(services("The paramedics arrived in minutes")).contains("ambulance");
        assertThat(services("Rang 111 and they sent a doctor")).contains("nhs-111");
        assertThat(services("Our midwife was amazing")).contains("maternity");
        assertThat(services("My daughter has waited a year for CAMHS")).contains("camhs");
    }

    @Test
    void doesNotTagServicesFromCommonWordsAlone() {
        assertThat(services("Excellent in a crisis, thank you")).doesNotContain("mental-health");
        assertThat(services("Lovely weather today")).isEmpty();
    }

    @Test
    void keepsTheMatchedPhraseAsEvidence() {
        ServiceTag tag = SharedTriage.get()
                .triage(TriageInput.of("t", "The district nurses were brilliant", Channel.EMAIL))
                .services()
                .getFirst();
        assertThat(tag.serviceId()).isEqualTo("community-health");
        assertThat(tag.evidence()).contains("district nurses");
        assertThat(tag.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void addsChannelHintsByIdOrCode() {
        TriageInput input = new TriageInput("t", "Thank you all", Channel.EMAIL, List.of("maternity", "180"), Map.of());
        List<ServiceTag> tags = SharedTriage.get().triage(input).services();
        assertThat(tags)
                .extracting(ServiceTag::serviceId)
                .containsExactlyInAnyOrder("maternity", "emergency-department");
        assertThat(tags)
                .allSatisfy(tag -> assertThat(tag.confidence()).isGreaterThanOrEqualTo(ServiceMatcher.HINT_CONFIDENCE));
    }

    @Test
    void matchesATrustsOwnWardsFromItsCatalogue() {
        ServiceCatalogue trust = ServiceCatalogue.parse("""
                extends: default
                services:
                  - id: ward-12
                    name: Ward 12 (stroke)
                    parent: inpatient-ward
                    terms: [ward 12, stroke unit]
                """, "test");
        ServiceMatcher matcher = new ServiceMatcher(trust, TestNlp.get());
        List<ServiceTag> tags =
                matcher.match(TestNlp.get().analyse("Dad is on the stroke unit and the care is great"), List.of());
        assertThat(tags).extracting(ServiceTag::serviceId).contains("ward-12");
    }
}
