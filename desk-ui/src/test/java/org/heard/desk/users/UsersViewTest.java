package org.heard.desk.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.heard.desk.mentions.ServiceTree;
import org.heard.desk.security.StaffRole;
import org.heard.desk.security.StaffRoster;
import org.heard.triage.catalogue.ServiceCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class UsersViewTest {

    final ServiceCatalogue catalogue = ServiceCatalogue.parse("""
            services:
              - {id: medicine, name: Medicine, terms: [medicine]}
              - {id: ward-7, name: Ward 7, parent: medicine, terms: [ward 7]}
            """, "test");
    final ServiceTree tree = services -> {
        var all = new HashSet<>(services);
        services.forEach(service -> all.addAll(catalogue.descendantsOf(service)));
        return Set.copyOf(all);
    };

    @Test
    void aManagersScopeIsResolvedAgainstTheCatalogueTree() {
        var manager = member(Set.of(StaffRole.MANAGER), Set.of("medicine", "gone-ward"));

        assertThat(UsersView.scope(manager, tree, catalogue))
                .isEqualTo("gone-ward (not in the catalogue), Medicine (medicine), Ward 7 (ward-7)");
    }

    @Test
    void respondersAndAdminsSeeEveryServiceAsTheDeskScopesThem() {
        assertThat(UsersView.scope(member(Set.of(StaffRole.RESPONDER), Set.of()), tree, catalogue))
                .isEqualTo("All services");
        assertThat(UsersView.scope(
                        member(Set.of(StaffRole.ADMIN, StaffRole.MANAGER), Set.of("ward-7")), tree, catalogue))
                .startsWith("All services");
        assertThat(UsersView.scope(member(Set.of(StaffRole.MANAGER), Set.of()), tree, catalogue))
                .startsWith("None");
    }

    @Test
    void saysWhetherAnOidcProviderIsConfigured() {
        assertThat(UsersView.signIn(new MockEnvironment())).contains("OIDC is not in use");
        var withEntra =
                new MockEnvironment().withProperty("spring.security.oauth2.client.registration.entra.client-id", "abc");

        assertThat(UsersView.signIn(withEntra)).contains("OIDC provider registrations are configured (entra)");
    }

    static StaffRoster.Member member(Set<StaffRole> roles, Set<String> services) {
        return new StaffRoster.Member("pat", "Pat", "Title", roles, services, false);
    }
}
