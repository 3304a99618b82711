package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

class EmbeddedElasticsearchIT {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersSignedInRequestsAndRefusesAnonymousOnes() throws Exception {
        long started = System.nanoTime();
        EmbeddedElasticsearch node = TestElasticsearch.node();
        System.out.printf(
                "embedded Elasticsearch: ready %d ms after first use, server RSS %s, server CPU %.1f s%n",
                (System.nanoTime() - started) / 1_000_000,
                residentSetSize(serverPid(node)),
                cpuSeconds(serverPid(node)));

        URI nodeInfo = node.uri().resolve("/_nodes/_local?filter_path=cluster_name,nodes.*.version");
        HttpResponse<String> signedIn =
                get(nodeInfo, EmbeddedElasticsearch.basicAuthorization(node.username(), node.password()));
        HttpResponse<String> anonymous = get(nodeInfo, null);
        HttpResponse<String> wrongPassword =
                get(nodeInfo, EmbeddedElasticsearch.basicAuthorization(node.username(), "guess"));

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"cluster_name\":\"heard\"").contains("\"version\":\"9.2.8\"");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void keepsItsFilesToItsOwnUser() throws Exception {
        EmbeddedElasticsearch node = TestElasticsearch.node();
        NodeLayout layout = new NodeLayout(node.dataDirectory());
        String nodeUser = NodeUser.currentUid() == 0 ? "nobody" : System.getProperty("user.name");

        for (Path directory :
                List.of(layout.dataDirectory(), layout.config(), layout.data(), layout.logs(), layout.tmp())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
                    .as(directory.toString())
                    .isEqualTo("rwx------");
            assertThat(Files.getOwner(directory).getName())
                    .as(directory.toString())
                    .isEqualTo(nodeUser);
        }
        for (Path file : List.of(
                layout.credentials(),
                layout.config().resolve("users"),
                layout.config().resolve("elasticsearch.yml"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString())
                    .isEqualTo("rw-------");
        }
        assertThat(Files.getOwner(layout.credentials()).getName()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void keepsDocumentsAcrossARestartOnTheSameDataDirectory() throws Exception {
        Path data = TestElasticsearch.temporaryDataDirectory("heard-es-restart-");
        try {
            String firstPassword;
            try (EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(TestElasticsearch.settingsIn(data));
                    ElasticsearchClient client = clientOf(node.awaitReady())) {
                client.index(index -> index.index("mentions")
                        .id("twitter:1")
                        .refresh(Refresh.True)
                        .document(Map.of("text", "Thank you, ward 7")));
                firstPassword = node.password();
            }
            try (EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(TestElasticsearch.settingsIn(data));
                    ElasticsearchClient client = clientOf(node.awaitReady())) {
                GetResponse<Map> mention =
                        client.get(get -> get.index("mentions").id("twitter:1"), Map.class);

                assertThat(node.password()).isEqualTo(firstPassword);
                assertThat(mention.found()).isTrue();
                assertThat(mention.source()).containsEntry("text", "Thank you, ward 7");
            }
        } finally {
            TestElasticsearch.deleteRecursively(data);
        }
    }

    @Test
    void refusesToStartASecondNodeOnDataAnotherNodeHolds() {
        EmbeddedElasticsearch running = TestElasticsearch.node();

        try (EmbeddedElasticsearch second =
                EmbeddedElasticsearch.launch(TestElasticsearch.settingsIn(running.dataDirectory()))) {
            assertThatThrownBy(second::awaitReady)
                    .isInstanceOf(ElasticsearchStartFailed.class)
                    .hasMessageContaining("Another Elasticsearch node (pid " + serverPid(running))
                    .hasMessageContaining(running.dataDirectory().toString());
        }
        assertThat(get(
                                running.uri().resolve("/_cluster/health"),
                                EmbeddedElasticsearch.basicAuthorization(running.username(), running.password()))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void saysWhichPortIsBusyWhenItCannotListen() throws Exception {
        Path data = TestElasticsearch.temporaryDataDirectory("heard-es-busy-");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(
                        TestElasticsearch.settingsIn(data).withHttpPort(taken.getLocalPort()))) {
            assertThatThrownBy(node::awaitReady)
                    .isInstanceOf(ElasticsearchStartFailed.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        } finally {
            TestElasticsearch.deleteRecursively(data);
        }
    }

    @Test
    void saysWhichDirectoryKeepsTheNodesUserFromItsData() throws Exception {
        Path privateDirectory = TestElasticsearch.temporaryDataDirectory("heard-es-private-");
        Files.setPosixFilePermissions(privateDirectory, PosixFilePermissions.fromString("rwx------"));
        Path data = privateDirectory.resolve("heard/elasticsearch");
        try (EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(TestElasticsearch.settingsIn(data))) {
            if (NodeUser.currentUid() == 0) {
                assertThatThrownBy(node::awaitReady)
                        .isInstanceOf(ElasticsearchStartFailed.class)
                        .hasMessageContaining("user 'nobody'")
                        .hasMessageContaining("cannot enter " + privateDirectory + " (rwx------, owner root)")
                        .hasMessageContaining(EmbeddedElasticsearch.DATA_DIR_PROPERTY);
                assertThat(data.resolve("credentials"))
                        .as("nothing written where the node cannot go")
                        .doesNotExist();
            } else {
                // Not root: the node runs as us, and our own private directory is no obstacle.
                assertThat(node.awaitReady().dataDirectory()).isEqualTo(data);
            }
        } finally {
            TestElasticsearch.deleteRecursively(privateDirectory);
        }
    }

    @Test
    void diesWithTheApplicationEvenWhenTheApplicationIsKilled() throws Exception {
        Path data = TestElasticsearch.temporaryDataDirectory("heard-es-orphan-");
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            // Should this test JVM itself be killed, the application JVM must not outlive it either.
            command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "SIGKILL"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                NodeInAnotherJvm.class.getName(),
                data.toString()));
        Process application =
                new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            CountDownLatch ready = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> drain(application, ready));
            assertThat(ready.await(240, TimeUnit.SECONDS))
                    .as("the node in the other JVM became ready")
                    .isTrue();
            long serverPid = Long.parseLong(
                    Files.readString(new NodeLayout(data).pidFile()).trim());
            List<ProcessHandle> nodeProcesses = application.descendants().toList();
            assertThat(nodeProcesses).extracting(ProcessHandle::pid).contains(serverPid);

            application.destroyForcibly().waitFor();

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> nodeProcesses.stream().noneMatch(EmbeddedElasticsearchIT::running));
        } finally {
            application.destroyForcibly().waitFor();
            TestElasticsearch.deleteRecursively(data);
        }
    }

    /** The application in {@link #diesWithTheApplicationEvenWhenTheApplicationIsKilled}. */
    static final class NodeInAnotherJvm {
        public static void main(String[] args) throws InterruptedException {
            EmbeddedElasticsearch.launch(TestElasticsearch.settingsIn(Path.of(args[0])))
                    .awaitReady();
            System.out.println("HEARD-NODE-READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void drain(Process application, CountDownLatch ready) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("HEARD-NODE-READY")) {
                    ready.countDown();
                }
            }
        } catch (IOException gone) {
            // The application was killed.
        }
    }

    /** Alive and not merely a zombie waiting for its new parent to reap it. */
    private static boolean running(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }

    private static long serverPid(EmbeddedElasticsearch node) {
        try {
            return Long.parseLong(Files.readString(new NodeLayout(node.dataDirectory()).pidFile())
                    .trim());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String residentSetSize(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.substring(6).trim())
                .findFirst()
                .orElse("unknown");
    }

    /** User plus system time, in the kernel's usual 100 ticks a second. */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static ElasticsearchClient clientOf(EmbeddedElasticsearch node) {
        return ElasticsearchClients.create(node.uri(), node.username(), node.password());
    }

    private HttpResponse<String> get(URI uri, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
