package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.heard.testing.Processes;
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
        assertThat(install.exitCode())
                .as("npm ci in deploy/validate:%n%s", install.output())
                .isZero();
    }

    @Test
    void everyManifestAndComposeFileMatchesItsSchema() throws Exception {
        var result = run(validator, List.of("node", "validate.mjs"));

        assertThat(result.exitCode())
                .as("schema validation of deploy/:%n%s", result.output())
                .isZero();
        assertThat(result.output())
                .as("the validator's summary")
                .containsPattern("(?m)^([1-9][0-9]*) passed, 0 failed$");
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

    private static Processes.Result run(Path directory, List<String> command) throws Exception {
        return Processes.run(directory, command);
    }
}
