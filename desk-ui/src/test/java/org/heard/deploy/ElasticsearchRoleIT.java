package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.StringReader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.AccessAudited;
import org.heard.contracts.Channel;
import org.heard.contracts.DeskJson;
import org.heard.desk.audit.AuditLog;
import org.heard.desk.audit.AuditQuery;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.TestMentionIndex;
import org.heard.mentions.MentionQuery;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The role Heard signs in to Elasticsearch with in compose and on Kubernetes (heard_app), on a real
 * node: Heard's own work on its indices goes through, anything else is refused. The two copies of
 * the role (compose's JSON, ECK's roles.yml) say the same.
 */
class ElasticsearchRoleIT {

    private static ElasticsearchClient heard;

    @BeforeAll
    static void signInAsHeardApp() throws Exception {
        var admin = TestElasticsearch.client();
        String role = Files.readString(DeployFolder.ofRepository().root().resolve("compose/elasticsearch/heard-role.json"));
        admin.security().putRole(put -> put.name("heard_app").withJson(new StringReader(role)));
        String username = "heard-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        admin.security().putUser(put -> put.username(username).password(password).roles("heard_app"));
        heard = ElasticsearchClients.create(TestElasticsearch.uri(), username, password);
    }

    @Test
    void heardsOwnWorkOnItsIndicesGoesThrough() throws Exception {
        assertThat(heard.cluster().health().status()).isNotNull();
        var mentions = TestMentionIndex.on(heard);
        String id = "role-" + UUID.randomUUID();
        var now = Instant.now();
        assertThat(mentions.writer().upsertAll(List.of(new MentionDocument(id, "c-" + id, Channel.EMAIL, "ward@trust.nhs.uk", id, null, null,
                null, "The role lets Heard write this", now, now, List.of(), Set.of(), Map.of(), null, null, null, null, List.of(), "test",
                now, null, null, null, null)))).isEmpty();
        assertThat(mentions.search().find(id)).isPresent();
        try (var walk = mentions.search().walk(MentionQuery.everything(), Duration.ofMinutes(1))) {
            assertThat(walk.next(10)).isNotEmpty();
        }

        var audit = new AuditLog(heard);
        audit.ensureExists();
        audit.append(List.of(new AccessAudited(UUID.randomUUID().toString(), "sam", "conversation-opened", id, "c-" + id, "", now,
                "desk-1")));
        assertThat(audit.search(new AuditQuery("sam", id, null, null), 0, 1).total()).isEqualTo(1);
        assertThat(audit.purgeBefore(Instant.parse("2000-01-01T00:00:00Z"))).isZero();
    }

    @Test
    void anythingBeyondHeardsIndicesIsRefused() {
        assertThatThrownBy(() -> heard.indices().create(create -> create.index("payroll")))
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> heard.security().putUser(put -> put.username("mallory").password("a-password-of-length").roles("superuser")))
                .isInstanceOfSatisfying(ElasticsearchException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void composeAndKubernetesGiveTheSameRole() throws Exception {
        var deploy = DeployFolder.ofRepository().root();
        JsonNode json = DeskJson.mapper().readTree(Files.readString(deploy.resolve("compose/elasticsearch/heard-role.json")));
        Map<String, Object> secret = new Yaml().load(Files.readString(deploy.resolve("kubernetes/operators/elasticsearch-role.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> roles = new Yaml().load((String) ((Map<String, Object>) secret.get("stringData")).get("roles.yml"));
        Map<String, Object> yaml = DeskJson.mapper().convertValue(roles.get("heard_app"), Map.class);

        JsonNode kubernetes = DeskJson.mapper().valueToTree(yaml);
        assertThat(kubernetes).isEqualTo(json);
    }
}
