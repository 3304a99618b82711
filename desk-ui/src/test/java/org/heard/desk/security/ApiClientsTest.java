package org.heard.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientsTest {

    static final String TOKEN = "heard_a-token-for-tests";

    @Test
    void findsTheClientWhoseTokenHashMatchesAndNoneForAnyOtherToken() {
        var clients = clients(
                client("incident-desk", ApiTokens.hash(TOKEN), StaffRole.RESPONDER, Set.of()),
                client("ward-feed", ApiTokens.hash("heard_another"), StaffRole.MANAGER, Set.of("ward-7")));

        var found = clients.byToken(TOKEN).orElseThrow();

        assertThat(found.getUsername()).isEqualTo("incident-desk");
        assertThat(found.has(StaffRole.RESPONDER)).isTrue();
        assertThat(found.seesInternalNotes()).isFalse();
        assertThat(clients.byToken("heard_another").orElseThrow().services()).containsExactly("ward-7");
        assertThat(clients.byToken(TOKEN + "x")).isEmpty();
        assertThat(clients.byToken("")).isEmpty();
    }

    @Test
    void readsTheHashFromAFileForKubernetesSecrets(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hash");
        Files.writeString(file, ApiTokens.hash(TOKEN).toUpperCase() + "\n");
        var settings = new ApiClientSettings(List.of(
                new ApiClientSettings.Client("bi-tool", null, file, null, null, StaffRole.RESPONDER, null, false)));

        assertThat(new ApiClients(settings, name -> false).byToken(TOKEN)).isPresent();
    }

    @Test
    void refusesAClientThatWouldBeAnAdminSeeNothingOrPassForAPerson() {
        String hash = ApiTokens.hash(TOKEN);
        assertThatThrownBy(() -> clients(client("root", hash, StaffRole.ADMIN, Set.of())))
                .hasMessageContaining("cannot be an ADMIN");
        assertThatThrownBy(() -> clients(client("feed", hash, StaffRole.MANAGER, Set.of())))
                .hasMessageContaining("without services");
        assertThatThrownBy(() -> new ApiClients(
                        new ApiClientSettings(List.of(client("sam", hash, StaffRole.RESPONDER, Set.of()))),
                        "sam"::equals))
                .hasMessageContaining("already taken");
        assertThatThrownBy(() -> clients(
                        client("a", hash, StaffRole.RESPONDER, Set.of()),
                        client("b", hash, StaffRole.RESPONDER, Set.of())))
                .hasMessageContaining("same token");
    }

    @Test
    void refusesATokenInsteadOfItsHash() {
        assertThatThrownBy(() -> clients(client("bi-tool", TOKEN, StaffRole.RESPONDER, Set.of())))
                .hasMessageContaining("SHA-256")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void theCommandPrintsANewTokenAndTheHashToConfigure() {
        var out = new ByteArrayOutputStream();
        int status = ApiTokens.command(
                new String[] {"api-token", "incident-desk"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        var token = Pattern.compile("token: (heard_[A-Za-z0-9_-]{43})").matcher(printed);
        var hash = Pattern.compile("token-hash=([0-9a-f]{64})").matcher(printed);
        assertThat(status).isZero();
        assertThat(token.find()).as(printed).isTrue();
        assertThat(hash.find()).as(printed).isTrue();
        assertThat(hash.group(1)).isEqualTo(ApiTokens.hash(token.group(1)));
        assertThat(printed).contains("heard.api.clients[N].name=incident-desk");
    }

    @Test
    void theCommandNeedsAName() {
        var err = new ByteArrayOutputStream();
        int status = ApiTokens.command(
                new String[] {"api-token"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Usage");
    }

    @Test
    void generatedTokensDiffer() {
        var random = new SecureRandom();
        assertThat(ApiTokens.generate(random))
                .isNotEqualTo(ApiTokens.generate(random))
                .startsWith("heard_");
    }

    private static ApiClients clients(ApiClientSettings.Client... clients) {
        return new ApiClients(new ApiClientSettings(List.of(clients)), name -> false);
    }

    private static ApiClientSettings.Client client(String name, String hash, StaffRole role, Set<String> services) {
        return new ApiClientSettings.Client(name, hash, null, null, "Team", role, services, false);
    }
}
