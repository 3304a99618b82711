package org.heard.platform.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.embedded.EmbeddedElasticsearch;

/**
 * One real Elasticsearch node per test JVM, started on first use and stopped when the JVM exits.
 * Its data lives in a fresh temporary directory; the unpacked distribution is cached in
 * {@code java.io.tmpdir} and shared by every test run on the machine.
 *
 * <pre>{@code
 * ElasticsearchClient client = TestElasticsearch.client();
 * }</pre>
 */
public final class TestElasticsearch {

    /** Shared between runs and modules: the distribution is unpacked there once per version. */
    public static final Path DISTRIBUTION_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "heard-elasticsearch-dist");

    private TestElasticsearch() {
    }

    /** Outside {@link Node}, so the stop hook still works when the node failed to start. */
    private static final AtomicReference<ElasticsearchClient> STARTED_CLIENT = new AtomicReference<>();

    private static final class Node {
        static final EmbeddedElasticsearch NODE = start();
        static final ElasticsearchClient CLIENT = client(NODE);

        private static EmbeddedElasticsearch start() {
            Path data = temporaryDataDirectory("heard-es-test-");
            EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(settingsIn(data));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Optional.ofNullable(STARTED_CLIENT.get()).ifPresent(TestElasticsearch::closeQuietly);
                node.close();
                deleteRecursively(data);
            }, "heard-test-elasticsearch-stop"));
            return node.awaitReady();
        }

        private static ElasticsearchClient client(EmbeddedElasticsearch node) {
            ElasticsearchClient client = ElasticsearchClients.create(node.uri(), node.username(), node.password());
            STARTED_CLIENT.set(client);
            return client;
        }
    }

    /** The shared node, ready. */
    public static EmbeddedElasticsearch node() {
        return Node.NODE;
    }

    public static URI uri() {
        return node().uri();
    }

    public static String username() {
        return node().username();
    }

    public static String password() {
        return node().password();
    }

    /** A client of the shared node; do not close it, it is closed with the node. */
    public static ElasticsearchClient client() {
        return Node.CLIENT;
    }

    /** Settings for a node of your own, small and quick, sharing the distribution cache. */
    public static EmbeddedElasticsearch.Settings settingsIn(Path dataDirectory) {
        return EmbeddedElasticsearch.Settings.in(dataDirectory).withDistributionDirectory(DISTRIBUTION_CACHE).withHeap("256m");
    }

    /** A new directory under java.io.tmpdir, which the node's user can reach when tests run as root. */
    public static Path temporaryDataDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(ElasticsearchClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // Stopping anyway.
        }
    }
}
