package org.heard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The files in deploy/ as they are in the repository: each check finds nothing to complain about. */
class DeploymentFilesTest {

    private static DeployFolder deploy;
    private static DeploymentChecks checks;

    @BeforeAll
    static void readDeployFolder() {
        deploy = DeployFolder.ofRepository();
        var reference = ConfigurationReference.read(deploy.root().resolve("configuration.md"));
        checks = new DeploymentChecks(deploy, reference, KnownSettings.of(deploy.repository()));
    }

    @Test
    void everyYamlFileParses() {
        assertThat(deploy.manifests()).as("YAML documents under deploy/").hasSizeGreaterThan(10);
        assertThat(deploy.kustomizations()).as("kustomizations").hasSizeGreaterThanOrEqualTo(4);
        assertThat(deploy.compose()).as("compose files").isNotEmpty();
    }

    @Test
    void everyKubernetesObjectHasApiVersionKindAndName() {
        assertThat(checks.objectsAreComplete())
                .as("incomplete Kubernetes objects")
                .isEmpty();
    }

    @Test
    void everyContainerHasAnImageResourcesAndActuatorProbes() {
        assertThat(checks.containersAreSizedAndProbed()).as("containers").isEmpty();
    }

    @Test
    void everyDeploymentIsCoveredByOneDisruptionBudget() {
        assertThat(checks.everyDeploymentHasADisruptionBudget())
                .as("disruption budgets")
                .isEmpty();
    }

    @Test
    void everyRoleRunsInExactlyOnePlace() {
        assertThat(checks.everyRoleRunsSomewhere()).as("roles").isEmpty();
    }

    @Test
    void triageScalesOnTheLagOfItsConsumerGroup() throws Exception {
        assertThat(checks.triageScalesOnItsConsumerLag(triageGroup(), Topics.MENTIONS.name()))
                .as("triage scaling")
                .isEmpty();
    }

    private static String triageGroup() throws Exception {
        var group = Class.forName("org.heard.triage.stage.TriageConfiguration").getDeclaredField("GROUP");
        group.setAccessible(true);
        return (String) group.get(null);
    }

    @Test
    void deskSessionsStickToOneInstance() {
        assertThat(checks.deskSessionsAreSticky()).as("desk affinity").isEmpty();
    }

    @Test
    void kafkaGivesEachRoleItsOwnPartOnlyAsTheTableSays() throws Exception {
        var table = KafkaAccess.table(triageGroup());

        assertThat(checks.kafkaAccessFollowsTheTable(table)).as("Kafka ACLs").isEmpty();
    }

    @Test
    void theTableLetsOnlyTheDeskWriteRepliesAndEveryTopicHasAWriterAndAReader() throws Exception {
        var table = KafkaAccess.table(triageGroup());

        assertThat(table)
                .filteredOn(grant -> grant.kind().equals("topic")
                        && grant.name().equals(Topics.REPLIES.name())
                        && grant.operation().equals("Write"))
                .extracting(DeploymentChecks.Grant::account)
                .containsExactly("heard-desk");
        for (var topic : Topics.all()) {
            assertThat(table)
                    .as(topic.name() + " is written")
                    .anyMatch(grant -> grant.name().equals(topic.name())
                            && grant.operation().equals("Write"));
            assertThat(table)
                    .as(topic.name() + " is read")
                    .anyMatch(grant -> grant.name().equals(topic.name())
                            && grant.operation().equals("Read"));
        }
    }

    @Test
    void everyRoleHasANetworkPolicyAndKafkaAsksForALoginFromHeardsPodsOnly() {
        assertThat(checks.everyRoleHasANetworkPolicy()).as("network policies").isEmpty();
    }

    @Test
    void heardPointsAtTheClustersTheOperatorsMake() {
        assertThat(checks.clustersAreTheOnesHeardExpects())
                .as("Kafka and Elasticsearch")
                .isEmpty();
    }

    @Test
    void everyKustomizationPointsAtFilesAndObjectsThatExist() {
        assertThat(checks.kustomizationsPointAtWhatExists())
                .as("kustomizations")
                .isEmpty();
    }

    @Test
    void everyComposeServiceIsHealthChecked() {
        assertThat(checks.composeServicesAreHealthChecked())
                .as("compose services")
                .isEmpty();
    }

    @Test
    void everyVariableTheComposeFileReadsIsInTheExampleEnvironment() {
        assertThat(checks.composeVariablesAreInTheExample()).as(".env.example").isEmpty();
    }

    @Test
    void theImageIsBuiltFromTheRepositoryAndRunsTheApplicationJar() {
        assertThat(checks.imageCopiesTheApplicationJar()).as("Dockerfile").isEmpty();
    }

    @Test
    void everyVariableGivenToHeardIsADocumentedSetting() {
        assertThat(checks.variablesAreDocumentedSettings())
                .as("environment variables")
                .isEmpty();
    }

    @Test
    void secretsComeOnlyFromSecrets() {
        assertThat(checks.secretsComeFromSecrets()).as("secrets").isEmpty();
    }

    @Test
    void theReferenceListsEverySettingWithItsVariableAndDefault() {
        assertThat(checks.referenceMatchesTheCode())
                .as("configuration.md against the code")
                .isEmpty();
    }
}
