package org.heard.desk.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.junit.jupiter.api.Test;

class DeskScopeTest {

    final CatalogueServiceTree tree = new CatalogueServiceTree(ServiceCatalogue.parse("""
            services:
              - {id: medicine, name: Medicine, terms: [medical ward]}
              - {id: ward-7, name: Ward 7, parent: medicine, terms: [ward 7]}
              - {id: ward-8, name: Ward 8, parent: medicine, terms: [ward 8]}
              - {id: ward-7-bay-a, name: Ward 7 bay A, parent: ward-7, terms: [bay a]}
              - {id: emergency-department, name: A&E, terms: [A&E]}
            """, "test"));

    @Test
    void aServiceManagerAlsoLooksAfterEveryServiceBelowIt() {
        assertThat(tree.withDescendants(Set.of("medicine")))
                .containsExactlyInAnyOrder("medicine", "ward-7", "ward-8", "ward-7-bay-a");
    }

    @Test
    void aWardManagerDoesNotSeeTheirSiblingsOrParent() {
        assertThat(tree.withDescendants(Set.of("ward-7"))).containsExactlyInAnyOrder("ward-7", "ward-7-bay-a");
    }

    @Test
    void noServicesMeansNothingInScope() {
        assertThat(tree.withDescendants(Set.of())).isEmpty();
    }
}
