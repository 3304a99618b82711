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
 * One real Elasticsearch node per test JVM, started on first use and stopped when the JVM exits:
 * the embedded node, whose data lives in a fresh temporary directory (the unpacked distribution is
 * cached in {@code java.io.tmpdir} and shared by every test run on the machine), or the deployed
 * image as a container where a Docker engine answers ({@link TestInfrastructure}).
 *
 * <pre>{@code
 * ElasticsearchClient client = TestElasticsearch.client();
 * }</pre>
 */
public final class TestElasticsearch {

    /** Shared between runs and modules: the distribution is unpacked there once per version. */
    public static final Path DISTRIBUTION_CACHE =
            Path.of(System.getProperty("java.io.tmpdir"), "heard-elasticsearch-dist");

    private TestElasticsearch() {}

    /** Outside {@link Node}, so the stop hook still works when the node failed to start. */
    private static final AtomicReference<ElasticsearchClient> STARTED_CLIENT = new AtomicReference<>();

    private static final class Node {
        static final EmbeddedElasticsearch NODE = start();

        private static EmbeddedElasticsearch start() {
            Path data = temporaryDataDirectory("heard-es-test-");
            EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(settingsIn(data));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                Optional.ofNullable(STARTED_CLIENT.get()).ifPresent(TestElasticsearch::closeQuietly);
                                node.close();
                                deleteRecursively(data);
                            },
                            "heard-test-elasticsearch-stop"));
            return node.awaitReady();
        }
    }

    private static final class Client {
        static final ElasticsearchClient CLIENT = create();

        private static ElasticsearchClient create() {
            ElasticsearchClient client = ElasticsearchClients.create(uri(), username(), password());
            STARTED_CLIENT.set(client);
            if (containers()) {
                Runtime.getRuntime()
                        .addShutdownHook(
                                new Thread(() -> closeQuietly(client), "heard-test-elasticsearch-client-close"));
            }
            return client;
        }
    }

    /** The embedded node, ready; the tests of the embedded node itself use it whatever the infrastructure. */
    public static EmbeddedElasticsearch node() {
        return Node.NODE;
    }

    public static URI uri() {
        return containers() ? TestContainers.elasticsearchUri() : node().uri();
    }

    public static String username() {
        return containers() ? TestContainers.ELASTICSEARCH_USER : node().username();
    }

    public static String password() {
        return containers() ? TestContainers.ELASTICSEARCH_PASSWORD : node().password();
    }

    /** A client of the shared node; do not close it, it is closed with the node. */
    public static ElasticsearchClient client() {
        return Client.CLIENT;
    }

    private static boolean containers() {
        return TestInfrastructure.chosen() == TestInfrastructure.CONTAINERS;
    }

    /** Settings for a node of your own, small and quick, sharing the distribution cache. */
    public static EmbeddedElasticsearch.Settings settingsIn(Path dataDirectory) {
        return EmbeddedElasticsearch.Settings.in(dataDirectory)
                .withDistributionDirectory(DISTRIBUTION_CACHE)
                .withHeap("256m");
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
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
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
