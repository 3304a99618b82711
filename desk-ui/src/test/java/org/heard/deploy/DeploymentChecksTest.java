package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks find what is wrong in deployment files made broken on purpose. */
class DeploymentChecksTest {

    private static final String REFERENCE = """
            | Setting | Default | Environment variable | Roles |
            |---|---|---|---|
            | `heard.roles` | `ingest,triage,desk` | `HEARD_ROLES` | all |
            | `heard.kafka.topics.partitions` | `3` | `HEARD_KAFKA_TOPICS_PARTITIONS` | all |
            | `spring.elasticsearch.password` 🔒 | — | `SPRING_ELASTICSEARCH_PASSWORD` | all |
            """;

    private static KnownSettings known;

    @TempDir
    Path repository;

    @BeforeAll
    static void readTheCode() {
        known = KnownSettings.of(DeployFolder.ofRepository().repository());
    }

    @Test
    void findsHeardsSettingsInItsRecordsAndValueAnnotations() {
        assertThat(known.heard().get("heard.kafka.topics.partitions").defaultValue())
                .contains("3");
        assertThat(known.heard()
                        .get("heard.embedded.elasticsearch.start-timeout")
                        .defaultValue())
                .contains("180s");
        assertThat(known.heard())
                .containsKeys(
                        "heard.security.users[N].password-hash-file",
                        "heard.channel.story.nacs-services.<key>",
                        "spring.elasticsearch.uris",
                        "heard.channel.twitter.accounts[N].consumer-key");
        assertThat(known.heard().get("heard.triage.concurrency").defaultValue()).contains("1");
        assertThat(known.heard().get("heard.triage.max-analysed-chars").defaultValue())
                .as("a default written as a constant")
                .contains("6000");
        assertThat(known.heard().get("heard.triage.nlp").defaultValue())
                .as("a switch on when missing")
                .contains("true");
        assertThat(known.heard().get("heard.triage.catalogue").defaultValue())
                .as("an empty default")
                .isEmpty();
        assertThat(known.defaultOf("heard.roles")).contains("ingest,triage,desk");
        assertThat(known.placeholders()).containsEntry("PORT", "server.port");
        assertThat(known.exists("spring.kafka.producer.properties.enable.idempotence"))
                .isTrue();
        assertThat(known.exists("spring.kafka.bootstrap-servers")).isTrue();
        assertThat(known.exists("heard.kafka.topic.partitions")).isFalse();
    }

    @Test
    void mapsVariablesToSettingsAsSpringBootDoes() {
        assertThat(EnvironmentVariables.sets(
                        "HEARD_KAFKA_TOPICS_REPLICATIONFACTOR", "heard.kafka.topics.replication-factor"))
                .isTrue();
        assertThat(EnvironmentVariables.sets(
                        "HEARD_SECURITY_USERS_0_PASSWORDHASH", "heard.security.users[0].password-hash"))
                .isTrue();
        assertThat(EnvironmentVariables.sets(
                        "HEARD_SECURITY_USERS_N_PASSWORDHASH", "heard.security.users[N].password-hash"))
                .isTrue();
        assertThat(EnvironmentVariables.sets(
                        "HEARD_CHANNEL_STORY_FILTERS_<NAME>", "heard.channel.story.filters.<name>"))
                .isTrue();
        assertThat(EnvironmentVariables.sets(
                        "HEARD_SECURITY_USERS_PASSWORDHASH", "heard.security.users[0].password-hash"))
                .isFalse();
        assertThat(EnvironmentVariables.sets("HEARD_KAFKA_TOPIC_PARTITIONS", "heard.kafka.topics.partitions"))
                .isFalse();
    }

    @Test
    void reportsADeploymentWithoutProbesRequestsOrDisruptionBudget() throws IOException {
        write("kubernetes/base/triage.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: heard-triage
                spec:
                  selector:
                    matchLabels: {app: triage}
                  template:
                    metadata:
                      labels: {app: triage}
                    spec:
                      containers:
                        - name: heard
                          image: heard
                          ports: [{name: http, containerPort: 8080}]
                          resources:
                            requests: {memory: 2Gi}
                          readinessProbe:
                            httpGet: {path: /actuator/health, port: http}
                """);
        var checks = checks(REFERENCE);

        assertThat(checks.containersAreSizedAndProbed())
                .anySatisfy(p -> assertThat(p).contains("no resources.requests.cpu"))
                .anySatisfy(p -> assertThat(p).contains("livenessProbe needs httpGet on /actuator/health/liveness"))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "readinessProbe checks '/actuator/health', Actuator's probe is /actuator/health/readiness"))
                .anySatisfy(p -> assertThat(p).contains("no resources.limits.memory"));
        assertThat(checks.everyDeploymentHasADisruptionBudget())
                .containsExactly(
                        "kubernetes/base/triage.yaml Deployment/heard-triage: selected by 0 PodDisruptionBudgets, needs exactly 1");
    }

    @Test
    void reportsAnObjectWithoutNameOrWithAnUnknownApiVersion() throws IOException {
        write("kubernetes/base/broken.yaml", """
                apiVersion: policy/v1beta1
                kind: PodDisruptionBudget
                metadata:
                  name: heard-desk
                spec:
                  minAvailable: 1
                  maxUnavailable: 1
                  selector:
                    matchLabels: {app: desk}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {}
                """);

        assertThat(checks(REFERENCE).objectsAreComplete())
                .containsExactlyInAnyOrder(
                        "kubernetes/base/broken.yaml PodDisruptionBudget/heard-desk: PodDisruptionBudget needs apiVersion [policy/v1], not policy/v1beta1",
                        "kubernetes/base/broken.yaml (document 2) ConfigMap: no metadata.name",
                        "kubernetes/base/broken.yaml PodDisruptionBudget/heard-desk: give exactly one of minAvailable and maxUnavailable");
    }

    @Test
    void reportsVariablesThatSetNothingAndSecretsGivenInPlainText() throws IOException {
        write("compose/compose.yaml", """
                services:
                  desk:
                    build: {context: ../.., dockerfile: deploy/Dockerfile}
                    environment:
                      HEARD_ROLES: desk
                      HEARD_KAFKA_TOPIC_PARTITIONS: "6"
                      SPRING_ELASTICSEARCH_PASSWORD: hunter2
                """);
        var checks = checks(REFERENCE);

        assertThat(checks.variablesAreDocumentedSettings())
                .containsExactly(
                        "compose service desk: HEARD_KAFKA_TOPIC_PARTITIONS sets no setting listed in configuration.md (misspelt?)");
        assertThat(checks.secretsComeFromSecrets())
                .containsExactly(
                        "compose service desk: SPRING_ELASTICSEARCH_PASSWORD is a secret: take it from .env (${...}) or a file");
        assertThat(checks.composeServicesAreHealthChecked())
                .containsExactly("compose/compose.yaml service desk: no healthcheck.test");
    }

    @Test
    void takesAVariableNamedByACredentialSettingAsASecret() throws IOException {
        write("kubernetes/base/ingest.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: heard-ingest
                spec:
                  template:
                    spec:
                      containers:
                        - name: heard
                          env:
                            - name: HEARD_CHANNEL_TWITTER_ACCOUNTS_0_CONSUMERKEY
                              value: env:X_CONSUMER_KEY
                            - name: X_CONSUMER_KEY
                              value: plain-text-key
                """);
        var checks = checks("""
                | Setting | Default | Environment variable | Roles |
                |---|---|---|---|
                | `heard.channel.twitter.accounts[N].consumer-key` 🔒 | — | `HEARD_CHANNEL_TWITTER_ACCOUNTS_N_CONSUMERKEY` | ingest |
                """);

        assertThat(checks.variablesAreDocumentedSettings()).isEmpty();
        assertThat(checks.secretsComeFromSecrets())
                .containsExactly(
                        "kubernetes/base/ingest.yaml Deployment/heard-ingest: X_CONSUMER_KEY is a secret: use valueFrom.secretKeyRef");
    }

    @Test
    void reportsComposeVariablesMissingFromTheExampleAndAnImageWithoutTheJar() throws IOException {
        write("compose/compose.yaml", """
                services:
                  elasticsearch:
                    image: elasticsearch:${ELASTICSEARCH_VERSION:-9.2.8}
                    environment:
                      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:?set it}
                    healthcheck:
                      test: ["CMD-SHELL", "curl -u elastic:$$ELASTIC_PASSWORD localhost:9200"]
                """);
        write("compose/.env.example", """
                # ELASTIC_PASSWORD=commented out does not count
                ELASTICSEARCH_VERSION=9.2.8
                """);
        write("../desk-ui/pom.xml", "<project><build><finalName>heard</finalName></build></project>");
        write("Dockerfile", """
                FROM eclipse-temurin:25-jdk AS build
                RUN ./mvnw -Pproduction -DskipTests package
                FROM eclipse-temurin:25-jre
                COPY --from=builder /src/desk-ui/target/desk-ui.jar /opt/heard.jar
                """);
        var checks = checks(REFERENCE);

        assertThat(checks.composeVariablesAreInTheExample())
                .containsExactly("compose/compose.yaml: ${ELASTIC_PASSWORD} is not in .env.example");
        assertThat(checks.imageCopiesTheApplicationJar())
                .containsExactly(
                        "Dockerfile: does not take desk-ui/target/heard.jar, the jar desk-ui builds",
                        "Dockerfile: COPY --from=builder names no build stage");
    }

    @Test
    void reportsSettingsThatMissTheOperatorsClustersAndAnotherElasticsearchVersion() throws IOException {
        write(
                "../pom.xml",
                "<project><properties><elasticsearch.version>9.2.8</elasticsearch.version></properties></project>");
        write("kubernetes/operators/clusters.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: heard}
                spec: {}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaNodePool
                metadata:
                  name: dual-role
                  labels: {strimzi.io/cluster: hearrd}
                spec: {}
                ---
                apiVersion: elasticsearch.k8s.elastic.co/v1
                kind: Elasticsearch
                metadata: {name: heard}
                spec: {version: 9.1.0}
                """);
        write("kubernetes/base/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: heard-config}
                data:
                  SPRING_KAFKA_BOOTSTRAPSERVERS: heard-kafka-bootstrap:9092,kafka:9092
                  SPRING_ELASTICSEARCH_URIS: http://heard-es-http:9200
                """);
        write("compose/compose.yaml", """
                services:
                  elasticsearch:
                    image: docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION:-9.1.0}
                """);

        assertThat(checks(REFERENCE).clustersAreTheOnesHeardExpects())
                .containsExactlyInAnyOrder(
                        "kubernetes/operators/clusters.yaml (document 2) KafkaNodePool/dual-role: label strimzi.io/cluster 'hearrd' names no Kafka",
                        "kubernetes/operators/clusters.yaml (document 3) Elasticsearch/heard: version 9.1.0, Heard's client is 9.2.8",
                        "kubernetes/base/config.yaml ConfigMap/heard-config: SPRING_KAFKA_BOOTSTRAPSERVERS names kafka, Strimzi's bootstrap service is one of [heard-kafka-bootstrap]",
                        "kubernetes/base/config.yaml ConfigMap/heard-config: Heard reaches Kafka without SASL over TLS (SPRING_KAFKA_SECURITY_PROTOCOL)",
                        "kubernetes/base/config.yaml ConfigMap/heard-config: Elasticsearch over plain HTTP (http://heard-es-http:9200)",
                        "compose/compose.yaml: Elasticsearch image docker.elastic.co/elasticsearch/elasticsearch:${ELASTICSEARCH_VERSION:-9.1.0} is not Heard's client version 9.2.8");
    }

    @Test
    void reportsHeardSigningInAsTheSuperuserAndKafkaAccessBeyondTheTable() throws IOException {
        write(
                "../pom.xml",
                "<project><properties><elasticsearch.version>9.2.8</elasticsearch.version></properties></project>");
        write("kubernetes/operators/clusters.yaml", """
                apiVersion: elasticsearch.k8s.elastic.co/v1
                kind: Elasticsearch
                metadata: {name: heard}
                spec: {version: 9.2.8}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata:
                  name: heard-ingest
                  labels: {strimzi.io/cluster: heard}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: heard.replies.v1, patternType: literal}
                        operations: [Read, Write]
                """);
        write("kubernetes/base/desk.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: heard-desk}
                spec:
                  template:
                    spec:
                      containers:
                        - name: heard
                          env:
                            - name: SPRING_ELASTICSEARCH_PASSWORD
                              valueFrom: {secretKeyRef: {name: heard-es-elastic-user, key: elastic}}
                            - name: HEARD_KAFKA_LOGIN_USERNAME
                              value: heard-desk
                            - name: HEARD_KAFKA_LOGIN_PASSWORD
                              valueFrom: {secretKeyRef: {name: heard-ingest, key: password}}
                """);
        var checks = checks(REFERENCE);

        assertThat(checks.clustersAreTheOnesHeardExpects())
                .containsExactlyInAnyOrder(
                        "kubernetes/base/desk.yaml Deployment/heard-desk: Heard signs in to Elasticsearch as the elastic superuser"
                                + " (Secret 'heard-es-elastic-user'); give it its own user with the role heard_app",
                        "kubernetes/base/desk.yaml Deployment/heard-desk: signs in to Kafka as 'heard-desk' with the password of Secret"
                                + " 'heard-ingest'; Strimzi keeps each KafkaUser's password in a Secret of its name, and the users are [heard-ingest]");
        var table = java.util.Set.of(
                new DeploymentChecks.Grant("heard-ingest", "Read", "topic", "heard.replies.v1", false));
        assertThat(checks.kafkaAccessFollowsTheTable(table))
                .containsExactly(
                        "kubernetes KafkaUsers: grants heard-ingest Write topic heard.replies.v1, which the roles' table does not");
    }

    @Test
    void reportsAReferenceThatDisagreesWithTheCode() throws IOException {
        String reference = """
                | Setting | Default | Environment variable | Roles |
                |---|---|---|---|
                | `heard.kafka.topics.partitions` | `4` | `HEARD_KAFKA_PARTITIONS` | all |
                | `heard.kafka.topic.replicas` | — | `HEARD_KAFKA_TOPIC_REPLICAS` | all |
                | `spring.elasticsearch.password` | — | `SPRING_ELASTICSEARCH_PASSWORD` | all |
                """;
        List<String> problems = checks(reference).referenceMatchesTheCode();

        assertThat(problems)
                .contains(
                        "configuration.md line 3, heard.kafka.topics.partitions: HEARD_KAFKA_PARTITIONS does not set it; Spring Boot expects HEARD_KAFKA_TOPICS_PARTITIONS",
                        "configuration.md line 3, heard.kafka.topics.partitions: the default is `3`, the reference says `4`",
                        "configuration.md line 4, heard.kafka.topic.replicas: neither Heard nor Spring Boot reads this setting",
                        "configuration.md line 5, spring.elasticsearch.password: looks like a secret; mark it 🔒 and say how to pass it",
                        "heard.roles (set in application.yaml) is missing from configuration.md");
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("heard.kafka.topics.replication-factor (read by "));
    }

    @Test
    void reportsAKustomizationWhoseFilesOrPatchTargetsAreMissing() throws IOException {
        write("kubernetes/base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [config.yaml, desk.yaml]
                """);
        write("kubernetes/base/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: heard-config}
                data: {HEARD_ROLES: desk}
                """);
        write("kubernetes/overlays/small/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../base]
                patches:
                  - path: missing.yaml
                  - target: {kind: ConfigMap, name: heard-settings}
                    patch: '[]'
                """);

        assertThat(checks(REFERENCE).kustomizationsPointAtWhatExists())
                .containsExactlyInAnyOrder(
                        "kubernetes/base/kustomization.yaml Kustomization: resource desk.yaml is neither a file nor a folder with a kustomization.yaml",
                        "kubernetes/overlays/small/kustomization.yaml Kustomization: patch missing.yaml does not exist",
                        "kubernetes/overlays/small/kustomization.yaml Kustomization: patch target ConfigMap/heard-settings is not among its resources");
    }

    private DeploymentChecks checks(String reference) throws IOException {
        Files.createDirectories(repository.resolve("deploy"));
        return new DeploymentChecks(
                DeployFolder.load(repository.resolve("deploy")),
                ConfigurationReference.parse(reference.lines().toList()),
                known);
    }

    private void write(String file, String content) throws IOException {
        Path path = repository.resolve(file.startsWith("../") ? file.substring(3) : "deploy/" + file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }
}
