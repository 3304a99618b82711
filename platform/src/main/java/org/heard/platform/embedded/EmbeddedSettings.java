package org.heard.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The single-machine default: with no external Kafka ({@code spring.kafka.bootstrap-servers}) or
 * Elasticsearch ({@code spring.elasticsearch.uris}) configured, Heard runs its own, keeping their
 * data under {@code heard.data-dir}.
 */
@ConfigurationProperties("heard.embedded")
record EmbeddedSettings(
        @DefaultValue Kafka kafka, @DefaultValue Elasticsearch elasticsearch) {

    /**
     * An in-process KRaft broker (broker and controller in one). Clients sign in with a generated
     * account kept in {@code <data-dir>/kafka/credentials}.
     *
     * @param allowRemoteClients whether {@code host} may be an address other machines reach
     */
    record Kafka(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("9092") int port,
            @DefaultValue("9093") int controllerPort,
            @DefaultValue("false") boolean allowRemoteClients) {}

    /**
     * The real Elasticsearch server as a managed child process.
     *
     * @param runAsUser the unprivileged OS user it runs as when Heard runs as root (Elasticsearch refuses root)
     * @param distributionDir where the bundled distribution is unpacked; default {@code <data-dir>/elasticsearch-dist}
     */
    record Elasticsearch(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("9200") int port,
            @DefaultValue("512m") String heap,
            @DefaultValue("nobody") String runAsUser,
            @DefaultValue("180s") Duration startTimeout,
            Path distributionDir) {}
}
