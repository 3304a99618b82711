package org.heard.platform.testing;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the integration tests' Kafka broker and Elasticsearch node come from, chosen once per test
 * JVM: the images deploy/compose runs, as containers, when a Docker engine answers (a trust's CI);
 * the embedded servers otherwise (a machine without Docker, as the build's default allows). Forced
 * with {@code -Dheard.test.infrastructure=embedded|containers}. The choice is logged once and kept
 * in the system property {@value #CHOSEN}, which the test reports list.
 */
public enum TestInfrastructure {
    EMBEDDED,
    CONTAINERS;

    public static final String PROPERTY = "heard.test.infrastructure";
    public static final String CHOSEN = "heard.test.infrastructure.chosen";
    /** The images deploy/compose/compose.yaml runs by default (checked by a deployment test). */
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    public static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:9.2.8";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** The choice for this JVM, made on first call. */
    public static TestInfrastructure chosen() {
        return Choice.MADE;
    }

    private static final class Choice {
        static final TestInfrastructure MADE = choose();
    }

    private static TestInfrastructure choose() {
        String asked = System.getProperty(PROPERTY, System.getenv("HEARD_TEST_INFRASTRUCTURE"));
        TestInfrastructure chosen;
        String why;
        if (asked != null && !asked.isBlank()) {
            chosen = valueOf(asked.strip().toUpperCase(Locale.ROOT));
            why = "asked for (" + PROPERTY + ")";
        } else if (dockerAnswers()) {
            chosen = CONTAINERS;
            why = "a Docker engine answered";
        } else {
            chosen = EMBEDDED;
            why = "no Docker engine answered";
        }
        System.setProperty(CHOSEN, chosen.name().toLowerCase(Locale.ROOT));
        log.info(
                "Heard test infrastructure: {} ({}): {}",
                chosen.name().toLowerCase(Locale.ROOT),
                why,
                chosen == CONTAINERS
                        ? KAFKA_IMAGE + ", " + ELASTICSEARCH_IMAGE
                        : "the embedded Kafka broker and Elasticsearch node");
        return chosen;
    }

    /** Testcontainers' own check, when it is on the classpath. */
    private static boolean dockerAnswers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestInfrastructure.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return TestContainers.dockerAnswers();
    }
}
