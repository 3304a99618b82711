package org.heard.platform.embedded;

import java.nio.file.Path;
import java.util.Map;

// placeholder until the embedded-kafka branch lands
public final class EmbeddedKafka implements AutoCloseable {
    public record Settings(Path dataDirectory, String host, int port, int controllerPort, Map<String, String> brokerProperties) {
        public static Settings in(Path dataDirectory) {
            return new Settings(dataDirectory, "127.0.0.1", 0, 0, Map.of());
        }
    }

    public static EmbeddedKafka start(Settings settings) {
        throw new UnsupportedOperationException();
    }

    public String bootstrapServers() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
}
