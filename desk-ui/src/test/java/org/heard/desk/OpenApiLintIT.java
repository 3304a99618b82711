package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.heard.contracts.DeskJson;
import org.heard.testing.Processes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API's OpenAPI description is one an integrator can generate a client from: Redocly's
 * recommended rules find no error and no warning in it. Redocly CLI is installed from the npm
 * registry by the test ({@code src/test/openapi-lint}, pinned by its lock file), as a fresh clone on
 * CI needs it; the description it read is left in {@code target/openapi.json}.
 */
@DeskApplicationTest
class OpenApiLintIT {

    private static final Path LINTER = Path.of("src/test/openapi-lint");

    @LocalServerPort
    int port;

    @Test
    void theDescriptionPassesRedoclysRecommendedRules() throws Exception {
        var install = Processes.run(LINTER, List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
        assertThat(install.exitCode())
                .as("npm ci in %s:%n%s", LINTER, install.output())
                .isZero();
        var description = new TestApi(port).getAs(TestApi.RESPONDER_TOKEN, "/api/openapi.json");
        assertThat(description.statusCode()).isEqualTo(200);
        Path file = Path.of("target", "openapi.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, description.body());

        var lint = Processes.run(
                LINTER,
                List.of("node_modules/.bin/redocly", "lint", "--format=json", file.toString()),
                Map.of("REDOCLY_TELEMETRY", "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE", "true"),
                false,
                Duration.ofMinutes(2));

        var report = DeskJson.mapper().readTree(lint.output());
        var problems = new ArrayList<String>();
        report.path("problems")
                .forEach(problem -> problems.add(problem.path("severity").asText() + " "
                        + problem.path("ruleId").asText() + " at "
                        + problem.path("location").path(0).path("pointer").asText() + ": "
                        + problem.path("message").asText()));
        assertThat(problems)
                .as("Redocly's findings in %s (its stderr: %s)", file, lint.errors())
                .isEmpty();
        assertThat(report.path("totals").path("errors").asInt()).isZero();
        assertThat(lint.exitCode()).isZero();
    }

    /** What a client generator reads beyond the lint: types, defaults and bodies as the API really has them. */
    @Test
    void theDescriptionSaysWhatTheApiReallyTakesAndAnswers() throws Exception {
        var description =
                new TestApi(port).json(new TestApi(port).getAs(TestApi.RESPONDER_TOKEN, "/api/openapi.json"), 200);
        var search = description.path("paths").path("/api/mentions").path("get");
        var parameters = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        search.path("parameters")
                .forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter.path("schema")));
        var schemas = description.path("components").path("schemas");

        assertThat(parameters.get("sort").path("default").asText()).isEqualTo("newest");
        assertThat(parameters.get("size").path("type").asText()).isEqualTo("integer");
        assertThat(parameters.get("channel").path("items").path("$ref").asText())
                .isEqualTo("#/components/schemas/Channel");
        assertThat(schemas.path("Channel").path("enum"))
                .extracting(tools.jackson.databind.JsonNode::asText)
                .containsExactly("email", "twitter", "story", "walk-in", "phone", "letter");
        assertThat(schemas.path("Mention").path("properties").has("urgencyRank"))
                .isFalse();
        var noContent = description
                .path("paths")
                .path("/api/mentions/{mentionId}/status")
                .path("post")
                .path("responses")
                .path("204");
        assertThat(noContent.has("content")).as("a 204 has no body").isFalse();
        assertThat(description.toString()).doesNotContain("\"*/*\"");
    }
}
