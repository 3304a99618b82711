package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.heard.contracts.DeskJson;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The role Heard signs in to Elasticsearch with (heard_app) is written twice, once for compose
 * (JSON, put by its setup service) and once for ECK (a roles.yml secret): both say the same.
 */
class ElasticsearchRoleTest {

    @Test
    void composeAndKubernetesGiveTheSameRole() throws Exception {
        var deploy = DeployFolder.ofRepository().root();
        JsonNode compose =
                DeskJson.mapper().readTree(Files.readString(deploy.resolve("compose/elasticsearch/heard-role.json")));
        Map<String, Object> secret =
                new Yaml().load(Files.readString(deploy.resolve("kubernetes/operators/elasticsearch-role.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> roles =
                new Yaml().load((String) ((Map<String, Object>) secret.get("stringData")).get("roles.yml"));

        JsonNode kubernetes = DeskJson.mapper().valueToTree(roles.get("heard_app"));

        assertThat(kubernetes).isEqualTo(compose);
    }
}
