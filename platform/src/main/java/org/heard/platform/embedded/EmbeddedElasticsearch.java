package org.heard.platform.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

// placeholder until the embedded-elasticsearch branch lands
public final class EmbeddedElasticsearch implements AutoCloseable {
    public record Settings(Path dataDirectory, Path distributionDirectory, String host, int httpPort, String heap, Duration startTimeout, String runAsUser) {
        public static Settings in(Path dataDirectory) {
            return new Settings(dataDirectory, dataDirectory.resolveSibling("elasticsearch-dist"), "127.0.0.1", 0, "512m", Duration.ofSeconds(120), "nobody");
        }
    }

    public static EmbeddedElasticsearch launch(Settings settings) {
        throw new UnsupportedOperationException();
    }

    public EmbeddedElasticsearch awaitReady() {
        return this;
    }

    public URI uri() {
        throw new UnsupportedOperationException();
    }

    public String username() {
        return null;
    }

    public String password() {
        return null;
    }

    @Override
    public void close() {}
}
