package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeEnvironmentTest {

    private final NodeLayout layout = new NodeLayout(Path.of("/var/lib/heard/elasticsearch"));
    private final EmbeddedElasticsearch.Settings settings =
            EmbeddedElasticsearch.Settings.in(layout.dataDirectory()).withHeap("256m");

    @Test
    void keepsTheApplicationsSecretsFromTheNode() {
        Map<String, String> environment = EmbeddedElasticsearch.nodeEnvironment(
                Map.of(
                        "PATH",
                        "/usr/local/bin:/usr/bin",
                        "HEARD_CHANNEL_TWITTER_BEARER_TOKEN",
                        "secret-token",
                        "SPRING_MAIL_PASSWORD",
                        "secret-password",
                        "JAVA_TOOL_OPTIONS",
                        "-javaagent:/x.jar"),
                layout,
                settings);

        assertThat(environment)
                .containsEntry("PATH", "/usr/local/bin:/usr/bin")
                .doesNotContainKeys("HEARD_CHANNEL_TWITTER_BEARER_TOKEN", "SPRING_MAIL_PASSWORD", "JAVA_TOOL_OPTIONS")
                .doesNotContainValue("secret-token");
    }

    @Test
    void pointsTheNodeAtItsOwnConfigurationTemporaryFilesHeapAndOurJava() {
        Map<String, String> environment = EmbeddedElasticsearch.nodeEnvironment(Map.of(), layout, settings);

        assertThat(environment)
                .containsEntry("ES_PATH_CONF", "/var/lib/heard/elasticsearch/config")
                .containsEntry("ES_TMPDIR", "/var/lib/heard/elasticsearch/tmp")
                .containsEntry("ES_JAVA_HOME", System.getProperty("java.home"))
                .containsKey("PATH");
        assertThat(environment.get("ES_JAVA_OPTS")).contains("-Xms256m", "-Xmx256m");
    }
}
