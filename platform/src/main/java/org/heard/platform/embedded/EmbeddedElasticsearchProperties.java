package org.heard.platform.embedded;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heard.embedded.elasticsearch.*}: the embedded node used when no Elasticsearch is
 * configured. Binding validates through {@link EmbeddedElasticsearch.Settings}, so a bad value
 * stops the application at start with the reason.
 *
 * @param dataDir node data, logs, config and the generated credentials
 * @param distributionDir where the bundled distribution is unpacked; defaults to {@code <dataDir>-dist}
 * @param host loopback address to listen on
 * @param httpPort 0 picks a free port
 * @param heap the node's heap, e.g. 512m
 * @param startTimeout how long startup may take before the application gives up
 * @param runAsUser the OS user the node runs as when Heard runs as root
 */
@ConfigurationProperties("heard.embedded.elasticsearch")
public record EmbeddedElasticsearchProperties(@DefaultValue("./data/elasticsearch") Path dataDir, Path distributionDir,
        @DefaultValue("127.0.0.1") String host, @DefaultValue("0") int httpPort, @DefaultValue("512m") String heap,
        @DefaultValue("120s") Duration startTimeout, @DefaultValue("nobody") String runAsUser) {

    public EmbeddedElasticsearchProperties {
        toSettings(dataDir, distributionDir, host, httpPort, heap, startTimeout, runAsUser);
    }

    public EmbeddedElasticsearch.Settings toSettings() {
        return toSettings(dataDir, distributionDir, host, httpPort, heap, startTimeout, runAsUser);
    }

    private static EmbeddedElasticsearch.Settings toSettings(Path dataDir, Path distributionDir, String host, int httpPort,
            String heap, Duration startTimeout, String runAsUser) {
        EmbeddedElasticsearch.Settings defaults = EmbeddedElasticsearch.Settings.in(dataDir);
        return new EmbeddedElasticsearch.Settings(defaults.dataDirectory(),
                distributionDir == null ? defaults.distributionDirectory() : distributionDir.toAbsolutePath().normalize(),
                host, httpPort, heap, startTimeout, runAsUser);
    }
}
