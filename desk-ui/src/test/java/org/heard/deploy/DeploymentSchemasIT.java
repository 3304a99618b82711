package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ against real schemas ({@code deploy/validate/}): the Kubernetes manifests against
 * Kubernetes' OpenAPI and KEDA's CRDs as bundled by the kubernetes-models npm packages, the compose
 * file against the Compose Specification's schema. An integration test because it installs them
 * with npm (from the registry, then offline) and runs Node.js.
 */
class DeploymentSchemasIT {

    private static Path validator;

    @BeforeAll
    static void installTheSchemas() throws Exception {
        validator = DeployFolder.ofRepository().root().resolve("validate");
        var install = run(validator, List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"));
        assertThat(install.exitCode()).as("npm ci in deploy/validate:%n%s", install.output()).isZero();
    }

    @Test
    void everyManifestAndComposeFileMatchesItsSchema() throws Exception {
        var result = run(validator, List.of("node", "validate.mjs"));

        assertThat(result.exitCode()).as("schema validation of deploy/:%n%s", result.output()).isZero();
        assertThat(result.output()).as("the validator's summary").containsPattern("(?m)^([1-9][0-9]*) passed, 0 failed$");
    }

    @Test
    void reportsFilesThatBreakTheirSchema(@TempDir Path deploy) throws Exception {
        Files.createDirectories(deploy.resolve("kubernetes"));
        Files.createDirectories(deploy.resolve("compose"));
        Files.writeString(deploy.resolve("compose/compose.yaml"), """
                services:
                  desk:
                    image: heard
                    hostnme: desk
                    healthcheck:
                      retries: three
                """);
        Files.writeString(deploy.resolve("kubernetes/desk.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: heard-desk
                spec:
                  selector:
                    matchLabels: {app: desk}
                  template:
                    metadata:
                      labels: {app: desk}
                    spec:
                      containers:
                        - image: heard
                          ports:
                            - containerPort: http
                """);

        var result = run(validator, List.of("node", "validate.mjs", deploy.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output())
                .contains("FAIL kubernetes/desk.yaml Deployment/heard-desk")
                .contains("/spec/template/spec/containers/0 must have required property name")
                .contains("/spec/template/spec/containers/0/ports/0/containerPort must be integer")
                .contains("FAIL compose/compose.yaml: /services/desk must NOT have additional properties (hostnme)")
                .contains("/services/desk/healthcheck/retries must be number")
                .contains("0 passed, 2 failed");
    }

    record Result(int exitCode, String output) {}

    private static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Read while it runs so a full pipe cannot stall it; the wait below bounds the time.
        var output = new StringBuilder();
        var reader = Thread.ofVirtual().start(() -> {
            try (var in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process died; its exit code tells
            }
        });
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 5 minutes");
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }
}
