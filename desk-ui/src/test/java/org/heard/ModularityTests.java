package org.heard;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import java.util.Set;
import org.heard.mentions.StaffWrites;
import org.heard.mentions.TagWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries between Heard's modules, as the build checks them (docs/adr/0015): each piece of
 * data has one owner, and the others reach it through {@code contracts}, a Kafka topic or the
 * owner's public API. A rule marked frozen holds the violations that are being moved by other work
 * (listed in {@code src/test/resources/archunit/frozen}, named in the ADR) and fails on any new one.
 */
class ModularityTests {

    private static final DescribedPredicate<Slice> CHANNELS = DescribedPredicate.describe(
            "are channels", slice -> Set.of("email", "twitter", "story").contains(slice.getNamePart(1)));

    private static JavaClasses heard;

    @BeforeAll
    static void readHeardsMainCode() {
        heard = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.heard");
    }

    @Test
    void theContractsDependOnNothingOfOursAndOnNoSpring() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.contracts..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.heard.platform..",
                        "org.heard.mentions..",
                        "org.heard.ingest..",
                        "org.heard.triage..",
                        "org.heard.desk..",
                        "org.springframework..")
                .because("the contracts are the wire language: plain Java records any system may read")
                .check(heard);
    }

    @Test
    void thePlatformKnowsNoStage() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.heard.mentions..", "org.heard.ingest..", "org.heard.triage..", "org.heard.desk..")
                .check(heard);
    }

    @Test
    void theMentionIndexKnowsNoStage() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.mentions..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.heard.ingest..", "org.heard.triage..", "org.heard.desk..")
                .because("triage and the desk both use the index: it belongs to neither (docs/adr/0014)")
                .check(heard);
    }

    @Test
    void ingestNeverDependsOnTriageTheMentionIndexOrTheDesk() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.ingest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.heard.triage..", "org.heard.mentions..", "org.heard.desk..")
                .because("ingest hands mentions over on Kafka and nothing else")
                .check(heard);
    }

    @Test
    void triageNeverDependsOnIngestOrTheDesk() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.triage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.heard.ingest..", "org.heard.desk..")
                .check(heard);
    }

    @Test
    void theDeskNeverDependsOnIngest() {
        frozen(noClasses()
                        .that()
                        .resideInAPackage("org.heard.desk..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage("org.heard.ingest..")
                        .because(
                                "the desk talks to ingest only through Kafka topics and the contracts, so a desk-only instance has every"
                                        + " desk feature"))
                .check(heard);
    }

    @Test
    void theDeskUsesOnlyTriagesServiceCatalogue() {
        frozen(
                        noClasses()
                                .that()
                                .resideInAPackage("org.heard.desk..")
                                .should()
                                .dependOnClassesThat(resideInAPackage("org.heard.triage..")
                                        .and(not(resideInAPackage("org.heard.triage.catalogue.."))))
                                .because(
                                        "triage's public API for the desk is its service catalogue; tags arrive through the index and Kafka"))
                .check(heard);
    }

    @Test
    void theDeskReachesTheMentionIndexOnlyThroughItsPublicPackage() {
        noClasses()
                .that()
                .resideInAPackage("org.heard.desk..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.heard.mentions..").and(not(resideInAPackage("org.heard.mentions"))))
                .check(heard);
    }

    @Test
    void onlyTriageWritesTags() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.heard.triage..", "org.heard.mentions..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(TagWriter.class)
                .check(heard);
    }

    @Test
    void onlyTheDeskRecordsStaffWork() {
        noClasses()
                .that()
                .resideOutsideOfPackages("org.heard.desk..", "org.heard.mentions..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(StaffWrites.class)
                .check(heard);
    }

    @Test
    void noStageReachesIntoTheEmbeddedServers() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.heard.mentions..", "org.heard.ingest..", "org.heard.triage..", "org.heard.desk..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.heard.platform.embedded..")
                        .and(not(resideInAnyPackage("org.heard.platform"))))
                .because(
                        "whether Kafka and Elasticsearch are embedded or external is the platform's business (docs/adr/0002)")
                .check(heard);
    }

    @Test
    void eachChannelStandsOnItsOwn() {
        slices().matching("org.heard.ingest.(*)..")
                .that(CHANNELS)
                .should()
                .notDependOnEachOther()
                .because("adding a channel is adding one folder under ingest")
                .check(heard);
    }

    @Test
    void theDesksFeaturesDependOnEachOtherWithoutCycles() {
        frozen(
                        slices().matching("org.heard.desk.(*)..")
                                .should()
                                .beFreeOfCycles()
                                .because(
                                        "a feature package of the desk can be understood, and changed, starting from the ones it uses"))
                .check(heard);
    }

    private static ArchRule frozen(ArchRule rule) {
        return FreezingArchRule.freeze(rule);
    }
}
