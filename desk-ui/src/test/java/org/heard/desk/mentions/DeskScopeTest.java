package org.heard.desk.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeskScopeTest {

    final ConfiguredServiceTree tree = new ConfiguredServiceTree(Map.of(
            "ward-7", "medicine",
            "ward-8", "medicine",
            "ward-7-bay-a", "ward-7",
            "emergency-department", "urgent-care"));

    @Test
    void aServiceManagerAlsoLooksAfterEveryServiceBelowIt() {
        assertThat(tree.withDescendants(Set.of("medicine"))).containsExactlyInAnyOrder("medicine", "ward-7", "ward-8", "ward-7-bay-a");
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
