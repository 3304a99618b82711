package org.heard.triage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogueTest {

    @Test
    void shipsTheCommonNhsServiceTypes() {
        ServiceCatalogue catalogue = ServiceCatalogue.load(null);
        assertThat(catalogue.services())
                .extracting(Service::id)
                .contains(
                        "emergency-department",
                        "urgent-care",
                        "ambulance",
                        "patient-transport",
                        "nhs-111",
                        "gp",
                        "maternity",
                        "mental-health",
                        "community-health",
                        "inpatient-ward",
                        "outpatients",
                        "pharmacy",
                        "dental",
                        "children",
                        "cancer",
                        "surgery",
                        "prison-health");
        assertThat(catalogue.services())
                .allSatisfy(service -> assertThat(service.terms()).isNotEmpty());
    }

    @Test
    void knowsParentsAndEverythingBelowAService() {
        ServiceCatalogue catalogue = ServiceCatalogue.defaults();
        assertThat(catalogue.parentOf("camhs")).contains("mental-health");
        assertThat(catalogue.parentOf("mental-health")).isEmpty();
        assertThat(catalogue.descendantsOf("mental-health")).containsExactlyInAnyOrder("camhs", "secure-mental-health");
        assertThat(catalogue.descendantsOf("gp")).isEmpty();
    }

    @Test
    void aTrustExtendsTheDefaultsWithItsOwnWardsFromAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trust.yaml");
        Files.writeString(file, """
                extends: default
                services:
                  - id: ward-12
                    name: Ward 12
                    parent: inpatient-ward
                    terms: [ward 12]
                    codes: [RX1CC]
                  - id: ward-12-bay-a
                    parent: ward-12
                    terms: [bay a]
                """);
        ServiceCatalogue catalogue = ServiceCatalogue.load(file);
        assertThat(catalogue.contains("gp")).isTrue();
        assertThat(catalogue.descendantsOf("inpatient-ward")).containsExactly("ward-12", "ward-12-bay-a");
        assertThat(catalogue.resolveHint("rx1cc")).contains("ward-12");
        assertThat(catalogue.resolveHint("gp")).contains("gp");
        assertThat(catalogue.resolveHint("nothing-like-it")).isEmpty();
    }

    @Test
    void aTrustCatalogueWithoutExtendsReplacesTheDefaults() {
        ServiceCatalogue catalogue = ServiceCatalogue.parse("services:\n  - id: only-one\n    terms: [one]\n", "test");
        assertThat(catalogue.services()).extracting(Service::id).containsExactly("only-one");
    }

    @Test
    void rejectsAnUnknownParentAndACycle() {
        assertThatThrownBy(() -> ServiceCatalogue.parse("services:\n  - id: a\n    parent: nowhere\n", "test"))
                .hasMessageContaining("unknown parent nowhere");
        assertThatThrownBy(() -> ServiceCatalogue.parse(
                        "services:\n  - id: a\n    parent: b\n  - id: b\n    parent: a\n", "test"))
                .hasMessageContaining("own ancestor");
        assertThatThrownBy(() -> ServiceCatalogue.parse("services:\n  - id: Not Kebab\n", "test"))
                .hasMessageContaining("kebab");
    }
}
