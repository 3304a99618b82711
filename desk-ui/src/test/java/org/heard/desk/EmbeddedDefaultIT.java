package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.heard.HeardApplication;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topics;
import org.heard.platform.embedded.EmbeddedKafka;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The single-machine default: with nothing configured, Heard starts its own Kafka broker and
 * Elasticsearch node, creates an admin with a generated password, and keeps mentions across a restart.
 */
class EmbeddedDefaultIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsItsOwnKafkaAndElasticsearchAndKeepsMentionsAcrossARestart() throws Exception {
        // A directory the unprivileged Elasticsearch user can reach when the tests run as root.
        Path dataDir = TestElasticsearch.temporaryDataDirectory("heard-embedded-default");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx--x--x"));
        String word = TestMentions.uniqueWord();
        String password;

        long started = System.nanoTime();
        try (var app = start(dataDir)) {
            System.out.printf(
                    "Embedded default: health UP after %.1f s (first start)%n", (System.nanoTime() - started) / 1e9);
            Path passwordFile = dataDir.resolve("initial-admin-password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            password = Files.readString(passwordFile).strip();
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("kafka")))
                    .as("what patients wrote, in the broker's logs, is private")
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(password).hasSizeGreaterThanOrEqualTo(16);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("kafka/credentials")))
                    .as("the account Heard's own Kafka clients sign in with")
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            try (Admin stranger = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    app.getBean(EmbeddedKafka.class).bootstrapServers()))) {
                assertThatThrownBy(() -> stranger.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                                .nodes()
                                .get(10, TimeUnit.SECONDS))
                        .as("a client that does not sign in")
                        .isInstanceOf(ExecutionException.class);
            }

            JsonNode health = get(app, "/actuator/health", password);
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("components").path("kafka").path("status").asText())
                    .isEqualTo("UP");
            assertThat(health.path("components")
                            .path("elasticsearch")
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
            JsonNode anonymousHealth = get(app, "/actuator/health", null);
            assertThat(anonymousHealth.path("status").asText()).isEqualTo("UP");
            assertThat(anonymousHealth.has("components")).isFalse();
            assertThat(text(app, "/actuator/prometheus", password)).contains("jvm_memory_used_bytes");

            app.getBean(EventPublisher.class)
                    .publish(
                            Topics.MENTIONS,
                            TestMentions.tweet("t-" + word, "Kept across restarts " + word, Instant.now()))
                    .get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(app, "/api/mentions?q=" + word, password)
                                    .path("total")
                                    .asLong()
                            == 1);
        }

        started = System.nanoTime();
        try (var app = start(dataDir)) {
            System.out.printf(
                    "Embedded default: health UP after %.1f s (restart)%n", (System.nanoTime() - started) / 1e9);
            assertThat(Files.readString(dataDir.resolve("initial-admin-password"))
                            .strip())
                    .isEqualTo(password);
            assertThat(get(app, "/api/mentions?q=" + word, password)
                            .path("total")
                            .asLong())
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // As command-line arguments, like an operator's: they override application.yaml.
        return new SpringApplicationBuilder(HeardApplication.class)
                .run(
                        "--heard.data-dir=" + dataDir,
                        "--server.port=0",
                        "--heard.embedded.kafka.port=0",
                        "--heard.embedded.kafka.controller-port=0",
                        "--heard.embedded.elasticsearch.port=0",
                        "--heard.embedded.elasticsearch.distribution-dir=" + TestElasticsearch.DISTRIBUTION_CACHE);
    }

    private String text(ConfigurableApplicationContext app, String path, String adminPassword) throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        ("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    private JsonNode get(ConfigurableApplicationContext app, String path, String adminPassword) throws Exception {
        var port = app.getEnvironment().getProperty("local.server.port");
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (adminPassword != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("GET %s", path).isIn(200, 503);
        return DeskJson.mapper().readTree(response.body());
    }
}
