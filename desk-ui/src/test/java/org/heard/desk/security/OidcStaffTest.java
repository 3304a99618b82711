package org.heard.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

class OidcStaffTest {

    final OidcSettings settings = new OidcSettings(
            URI.create("https://login.microsoftonline.com/tenant/v2.0"),
            "Microsoft Entra ID",
            "heard-desk",
            "secret",
            null,
            List.of("openid", "profile"),
            "preferred_username",
            "name",
            "jobTitle",
            "roles",
            "groups",
            Map.of(
                    "Heard.Responder",
                    StaffRole.RESPONDER,
                    "Heard.Manager",
                    StaffRole.MANAGER,
                    "admins-group",
                    StaffRole.ADMIN),
            Map.of("ward-7-managers", Set.of("ward-7"), "maternity-managers", Set.of("maternity")));
    final OidcStaff staff = new OidcStaff(settings);

    @Test
    void appRolesAndGroupsBecomeRolesAndServices() {
        var outcome = staff.of(
                token(Map.of(
                        "preferred_username",
                        "wendy@trust.example",
                        "name",
                        "Wendy Okafor",
                        "jobTitle",
                        "Ward 7 Manager",
                        "roles",
                        List.of("Heard.Manager"),
                        "groups",
                        List.of("ward-7-managers", "maternity-managers", "all-staff"))),
                null);

        assertThat(outcome).isInstanceOfSatisfying(OidcStaff.Outcome.Staff.class, signedIn -> {
            var user = signedIn.user();
            assertThat(user.getUsername()).isEqualTo("wendy@trust.example");
            assertThat(user.displayName()).isEqualTo("Wendy Okafor");
            assertThat(user.title()).isEqualTo("Ward 7 Manager");
            assertThat(user.roles()).containsExactly(StaffRole.MANAGER);
            assertThat(user.services()).containsExactlyInAnyOrder("ward-7", "maternity");
            assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MANAGER");
        });
    }

    @Test
    void aGroupCanGrantARoleToo() {
        var outcome = staff.of(
                token(Map.of("preferred_username", "alex@trust.example", "groups", List.of("admins-group"))), null);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        OidcStaff.Outcome.Staff.class,
                        signedIn -> assertThat(signedIn.user().roles()).containsExactly(StaffRole.ADMIN));
    }

    @Test
    void someoneWithNoMappedRoleIsRefusedEvenWithAMappedGroup() {
        var outcome = staff.of(
                token(Map.of("preferred_username", "visitor@trust.example", "groups", List.of("ward-7-managers"))),
                null);

        assertThat(outcome).isInstanceOf(OidcStaff.Outcome.Refused.class);
    }

    @Test
    void withoutAUsernameClaimTheSubjectIsTheUsername() {
        var outcome = staff.of(token(Map.of("roles", "Heard.Responder")), null);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        OidcStaff.Outcome.Staff.class,
                        signedIn -> assertThat(signedIn.user().getUsername()).isEqualTo("subject-1"));
    }

    @Test
    void aConfiguredProviderNeedsAClientASecretAndARoleMapping() {
        assertThatThrownBy(() -> new OidcSettings(
                        URI.create("https://issuer.example"),
                        "x",
                        "client",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Map.of("r", StaffRole.RESPONDER),
                        null))
                .hasMessageContaining("client-secret");
        assertThatThrownBy(() -> new OidcSettings(
                        URI.create("https://issuer.example"),
                        "x",
                        "client",
                        "secret",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null))
                .hasMessageContaining("roles");
        assertThat(new OidcSettings(null, null, null, null, null, null, null, null, null, null, null, null, null)
                        .enabled())
                .isFalse();
    }

    @Test
    void theSecretIsNeverInTheSettingsText() {
        assertThat(settings.toString()).doesNotContain("secret,").doesNotContain("=secret");
    }

    private static OidcIdToken token(Map<String, Object> claims) {
        var builder = OidcIdToken.withTokenValue("token")
                .subject("subject-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
