package org.heard.platform.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node run as a managed child process, for when no Elasticsearch is
 * configured: the newcomer's one-command start, and the tests' node without Docker.
 *
 * <p>The node runs from the distribution bundled with this module (unpacked once per version),
 * with its own configuration, data, logs and credentials under {@link Settings#dataDirectory()},
 * readable by its own user only. It dies with this JVM, even when this JVM is killed with
 * SIGKILL: it is started through {@code setpriv --pdeathsig SIGKILL} from a thread that lives as
 * long as the node, and the node's server process exits when its launcher goes.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    static final String DATA_DIR_PROPERTY = "heard.data-dir";
    static final String DISTRIBUTION_DIR_PROPERTY = "heard.embedded.elasticsearch.distribution-dir";
    static final String RUN_AS_USER_PROPERTY = "heard.embedded.elasticsearch.run-as-user";
    static final String HTTP_PORT_PROPERTY = "heard.embedded.elasticsearch.port";
    static final String START_TIMEOUT_PROPERTY = "heard.embedded.elasticsearch.start-timeout";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedElasticsearch.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    /**
     * @param dataDirectory node data, logs, config and credentials live here (e.g. ./data/elasticsearch)
     * @param distributionDirectory where the bundled distribution is unpacked once per version and reused
     * @param host the loopback address the node binds
     * @param httpPort 0 picks a free port
     * @param heap the node's heap, e.g. "512m"
     * @param startTimeout how long {@link #awaitReady()} waits, counted from {@link #launch}
     * @param runAsUser the OS user the node runs as when we are root (Elasticsearch refuses root); ignored otherwise
     * @param cluster null for a single-node cluster (Heard's embedded default); else how this node
     *     joins others on this machine (for tests of a cluster)
     */
    public record Settings(
            Path dataDirectory,
            Path distributionDirectory,
            String host,
            int httpPort,
            String heap,
            Duration startTimeout,
            String runAsUser,
            ClusterJoin cluster) {

        public Settings(
                Path dataDirectory,
                Path distributionDirectory,
                String host,
                int httpPort,
                String heap,
                Duration startTimeout,
                String runAsUser) {
            this(dataDirectory, distributionDirectory, host, httpPort, heap, startTimeout, runAsUser, null);
        }

        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(distributionDirectory, "distributionDirectory");
            Objects.requireNonNull(startTimeout, "startTimeout");
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must be set, e.g. 127.0.0.1");
            }
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort must be 0 (any free port) to 65535, not " + httpPort);
            }
            if (heap == null || !heap.matches("\\d+[kKmMgG]")) {
                throw new IllegalArgumentException("heap must look like 512m or 1g, not '" + heap + "'");
            }
            if (startTimeout.isNegative() || startTimeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive");
            }
            if (runAsUser == null || runAsUser.isBlank()) {
                throw new IllegalArgumentException("runAsUser must be set, e.g. nobody");
            }
        }

        /** Loopback, a free port, 512 MB heap, two minutes to start, "nobody" when root; the distribution next to the data. */
        public static Settings in(Path dataDirectory) {
            Path absolute = dataDirectory.toAbsolutePath().normalize();
            return new Settings(
                    absolute,
                    absolute.resolveSibling(absolute.getFileName() + "-dist"),
                    "127.0.0.1",
                    0,
                    "512m",
                    Duration.ofSeconds(120),
                    "nobody");
        }

        public Settings withDistributionDirectory(Path directory) {
            return new Settings(dataDirectory, directory, host, httpPort, heap, startTimeout, runAsUser, cluster);
        }

        public Settings withHost(String address) {
            return new Settings(
                    dataDirectory, distributionDirectory, address, httpPort, heap, startTimeout, runAsUser, cluster);
        }

        public Settings withHttpPort(int port) {
            return new Settings(
                    dataDirectory, distributionDirectory, host, port, heap, startTimeout, runAsUser, cluster);
        }

        public Settings withHeap(String size) {
            return new Settings(
                    dataDirectory, distributionDirectory, host, httpPort, size, startTimeout, runAsUser, cluster);
        }

        public Settings withStartTimeout(Duration timeout) {
            return new Settings(
                    dataDirectory, distributionDirectory, host, httpPort, heap, timeout, runAsUser, cluster);
        }

        /** Joins the other nodes of a cluster on this machine instead of forming a cluster of one. */
        public Settings joining(ClusterJoin join) {
            return new Settings(
                    dataDirectory, distributionDirectory, host, httpPort, heap, startTimeout, runAsUser, join);
        }

        public Settings withRunAsUser(String user) {
            return new Settings(
                    dataDirectory, distributionDirectory, host, httpPort, heap, startTimeout, user, cluster);
        }
    }

    /**
     * How a node joins a cluster of several embedded nodes on this machine. Every node needs the
     * same credentials: write the same {@code credentials} file into each data directory first.
     *
     * @param nodeName unique in the cluster
     * @param transportPort where the other nodes reach this one
     * @param seedHosts every node's {@code host:transportPort}
     * @param initialMasterNodes every master-eligible node's name, for the very first start
     */
    public record ClusterJoin(
            String nodeName, int transportPort, List<String> seedHosts, List<String> initialMasterNodes) {

        public ClusterJoin {
            if (nodeName == null || nodeName.isBlank() || transportPort < 1 || transportPort > 65535) {
                throw new IllegalArgumentException("a joining node needs a name and a transport port");
            }
            seedHosts = List.copyOf(seedHosts);
            initialMasterNodes = List.copyOf(initialMasterNodes);
        }
    }

    private final Settings settings;
    private final NodeLayout layout;
    private final NodeOutput output = new NodeOutput();
    private final CompletableFuture<NodeCredentials> credentials = new CompletableFuture<>();
    private final CompletableFuture<URI> address = new CompletableFuture<>();
    private final CompletableFuture<EmbeddedElasticsearch> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final Thread shutdownHook = new Thread(this::close, "heard-elasticsearch-stop");
    private final long launchedAt = System.nanoTime();
    private final Object lock = new Object();
    private Process launcher;
    private boolean closed;

    private EmbeddedElasticsearch(Settings settings) {
        this.settings = settings;
        this.layout = new NodeLayout(settings.dataDirectory());
    }

    /** Returns at once; the node starts in the background (so the app can start Kafka meanwhile). */
    public static EmbeddedElasticsearch launch(Settings settings) {
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(settings);
        Runtime.getRuntime().addShutdownHook(node.shutdownHook);
        // A platform thread that forks the node and then waits for it: the parent-death signal
        // fires when the forking *thread* ends, so it must live exactly as long as the node.
        Thread.ofPlatform().name("heard-elasticsearch").daemon(true).start(node::run);
        return node;
    }

    /**
     * Blocks until the node answers and the cluster is at least yellow. Idempotent.
     *
     * @throws ElasticsearchStartFailed with the cause and the node's last output when it cannot start
     */
    public EmbeddedElasticsearch awaitReady() {
        return join(ready);
    }

    /** The node's HTTP address, e.g. {@code http://127.0.0.1:9200}; waits until the node has bound its port. */
    public URI uri() {
        return join(address);
    }

    public String username() {
        return join(credentials).username();
    }

    public String password() {
        return join(credentials).password();
    }

    public Path dataDirectory() {
        return layout.dataDirectory();
    }

    /** Stops the node: SIGTERM for a clean shutdown, SIGKILL after a timeout. Idempotent; safe from a shutdown hook. */
    @Override
    public void close() {
        boolean first;
        Process running;
        synchronized (lock) {
            first = !closed;
            closed = true;
            running = launcher;
        }
        if (!first) {
            // Another thread (say, the shutdown hook) is stopping the node; return once it has.
            stopped.completeOnTimeout(
                            null,
                            STOP_TIMEOUT.plus(KILL_TIMEOUT).multipliedBy(2).toMillis(),
                            TimeUnit.MILLISECONDS)
                    .join();
            return;
        }
        try {
            failPending(new ElasticsearchStartFailed(
                    "The embedded Elasticsearch node was closed before it was ready", List.of()));
            if (running != null) {
                stop(running);
            }
        } finally {
            stopped.complete(null);
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already running its shutdown hooks, this one included.
            }
        }
    }

    private void run() {
        try {
            refuseNonLoopbackHost();
            NodeUser user = NodeUser.forNode(settings.runAsUser());
            Path home = distribution(user);
            prepareDataDirectory(user, home);
            Process process = start(home, user);
            Thread.ofVirtual().name("heard-elasticsearch-readiness").start(this::watchReadiness);
            output.pump(process.getInputStream());
            int exitCode = process.waitFor();
            failPending(new ElasticsearchStartFailed(
                    "The Elasticsearch node exited with code " + exitCode + " before it was ready; its logs are in "
                            + layout.logs(),
                    output.lastLines()));
            synchronized (lock) {
                if (!closed) {
                    log.warn(
                            "The embedded Elasticsearch node stopped unexpectedly (exit code {}); its logs are in {}",
                            exitCode,
                            layout.logs());
                }
            }
        } catch (ElasticsearchStartFailed e) {
            failPending(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failPending(new ElasticsearchStartFailed(
                    "Interrupted while running the Elasticsearch node", output.lastLines(), e));
        } catch (Exception e) {
            failPending(new ElasticsearchStartFailed(
                    "Could not start the embedded Elasticsearch node in " + layout.dataDirectory() + ": "
                            + e.getMessage(),
                    output.lastLines(),
                    e));
        }
    }

    /** TLS is off because traffic never leaves the machine; that holds only on loopback. */
    private void refuseNonLoopbackHost() throws IOException {
        if (!InetAddress.getByName(settings.host()).isLoopbackAddress()) {
            throw new ElasticsearchStartFailed(
                    "The embedded Elasticsearch node serves this machine only (plain HTTP on"
                            + " loopback), so it cannot listen on " + settings.host()
                            + "; use 127.0.0.1, or configure an"
                            + " external Elasticsearch for anything wider",
                    List.of());
        }
    }

    private Path distribution(NodeUser user) throws IOException {
        Path directory = settings.distributionDirectory().toAbsolutePath().normalize();
        Path home = Distribution.unpackInto(directory);
        // Checked after unpacking: directories created on the way follow the umask, which may shut others out.
        refuseBlocked(
                user,
                home,
                "the Elasticsearch distribution (" + home + ")",
                "unpack it elsewhere (" + DISTRIBUTION_DIR_PROPERTY + ")");
        return home;
    }

    private void prepareDataDirectory(NodeUser user, Path home) throws IOException {
        Files.createDirectories(layout.dataDirectory());
        // The data directory itself becomes the node user's; everything above it must let that user through.
        refuseBlocked(
                user,
                layout.dataDirectory().getParent(),
                "its data directory (" + layout.dataDirectory() + ")",
                "put the data elsewhere (" + DATA_DIR_PROPERTY + ", e.g. /var/lib/heard)");
        refuseIfAnotherNodeHoldsTheData();
        if (settings.httpPort() != 0) {
            refuseBusyPort();
            address.complete(httpUri(settings.host(), settings.httpPort()));
        }
        NodeCredentials nodeCredentials = NodeCredentials.loadOrCreate(layout.dataDirectory());
        credentials.complete(nodeCredentials);
        NodeConfiguration.write(home, layout, settings, nodeCredentials);
        Files.deleteIfExists(layout.httpPortsFile());
        try (Stream<Path> paths = Files.walk(layout.dataDirectory())) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                // The credentials stay with the application's user: the node only needs their hash.
                if (!path.equals(layout.credentials())) {
                    user.own(path);
                }
            }
        }
    }

    private void refuseBlocked(NodeUser user, Path directory, String what, String remedy) throws IOException {
        if (directory == null) {
            return;
        }
        Optional<Path> blocking = user.firstBlockingDirectory(directory);
        if (blocking.isPresent()) {
            throw new ElasticsearchStartFailed(
                    "Heard runs as root, so Elasticsearch (which refuses root) runs as user '"
                            + user.name() + "', but that user cannot enter " + NodeUser.describe(blocking.get())
                            + " to reach "
                            + what + ". Either " + remedy + ", let '" + user.name() + "' enter it (chmod o+x "
                            + blocking.get() + "), or run the node as another user (" + RUN_AS_USER_PROPERTY + ").",
                    List.of());
        }
    }

    /**
     * A node left over from an earlier run (say, one whose application died before it could stop
     * it) still holds the data. The node's lock decides; its pid file only names the culprit.
     */
    private void refuseIfAnotherNodeHoldsTheData() throws IOException {
        if (!Files.isRegularFile(layout.nodeLock())) {
            return;
        }
        try (FileChannel channel = FileChannel.open(layout.nodeLock(), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return;
            }
        } catch (OverlappingFileLockException inThisJvm) {
            // Held by this very JVM; as much in the way as any other holder.
        }
        String culprit = alivePid(layout.pidFile())
                .map(pid -> " (pid " + pid + "; stop it with kill " + pid + ")")
                .orElse("");
        throw new ElasticsearchStartFailed(
                "Another Elasticsearch node" + culprit + ", probably left over from an earlier"
                        + " run, is still using " + layout.dataDirectory() + "; stop it and start again.",
                List.of());
    }

    private static Optional<Long> alivePid(Path pidFile) {
        try {
            String pid = Files.readString(pidFile).trim();
            return pid.matches("\\d+")
                    ? ProcessHandle.of(Long.parseLong(pid))
                            .filter(ProcessHandle::isAlive)
                            .map(ProcessHandle::pid)
                    : Optional.empty();
        } catch (IOException noPidFile) {
            return Optional.empty();
        }
    }

    private void refuseBusyPort() {
        try (ServerSocket probe = new ServerSocket()) {
            // As the node binds: only a listener, not connections lingering in TIME_WAIT, makes it busy.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.httpPort()));
        } catch (IOException busy) {
            throw new ElasticsearchStartFailed(
                    "Port " + settings.httpPort() + " on " + settings.host()
                            + " is already in use, so the embedded Elasticsearch node cannot listen there. Stop whatever holds it,"
                            + " or choose another port (" + HTTP_PORT_PROPERTY + "; 0 picks a free one).",
                    List.of(),
                    busy);
        }
    }

    private Process start(Path home, NodeUser user) throws IOException {
        List<String> command = new ArrayList<>();
        Optional<Path> setpriv = onPath("setpriv");
        if (setpriv.isPresent()) {
            command.add(setpriv.get().toString());
            if (user.switchTo()) {
                command.addAll(List.of("--reuid=" + user.uid(), "--regid=" + user.gid(), "--init-groups"));
            }
            command.addAll(List.of("--pdeathsig", "SIGKILL"));
        } else if (user.switchTo()) {
            throw new ElasticsearchStartFailed(
                    "Heard runs as root and needs setpriv (util-linux) to run Elasticsearch" + " as user '"
                            + user.name() + "'; install util-linux or run Heard as an unprivileged user.",
                    List.of());
        } else {
            log.warn("setpriv (util-linux) is not installed: if this JVM is killed with SIGKILL, the embedded"
                    + " Elasticsearch node will outlive it");
        }
        command.add(home.resolve("bin/elasticsearch").toString());
        command.addAll(List.of("-p", layout.pidFile().toString()));

        ProcessBuilder builder =
                new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        Map<String, String> nodeEnvironment = nodeEnvironment(System.getenv(), layout, settings);
        environment.clear();
        environment.putAll(nodeEnvironment);
        synchronized (lock) {
            if (closed) {
                throw new ElasticsearchStartFailed(
                        "The embedded Elasticsearch node was closed before it started", List.of());
            }
            launcher = builder.start();
            log.info(
                    "Starting Elasticsearch {} (data in {}, as user {})",
                    Distribution.bundledVersion(),
                    layout.dataDirectory(),
                    user.name());
            return launcher;
        }
    }

    /**
     * Only what the node's scripts need. The application's environment carries its secrets (channel
     * tokens, mail passwords), and a process's environment is readable by its own user, who is
     * not us when we are root.
     */
    static Map<String, String> nodeEnvironment(Map<String, String> ours, NodeLayout layout, Settings settings) {
        Map<String, String> environment = new HashMap<>();
        for (String passedOn : List.of("PATH", "LANG", "LC_ALL", "TZ")) {
            if (ours.containsKey(passedOn)) {
                environment.put(passedOn, ours.get(passedOn));
            }
        }
        environment.putIfAbsent("PATH", "/usr/bin:/bin");
        environment.put("ES_JAVA_HOME", System.getProperty("java.home"));
        environment.put("ES_PATH_CONF", layout.config().toString());
        environment.put("ES_TMPDIR", layout.tmp().toString());
        environment.put(
                "ES_JAVA_OPTS",
                "-Xms" + settings.heap() + " -Xmx" + settings.heap() + " " + NodeConfiguration.JVM_OPTIONS);
        return environment;
    }

    private void watchReadiness() {
        long deadline = launchedAt + settings.startTimeout().toNanos();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        try (http) {
            while (!ready.isDone()) {
                if (System.nanoTime() - deadline > 0) {
                    failPending(new ElasticsearchStartFailed(
                            "The Elasticsearch node did not become ready within "
                                    + settings.startTimeout().toSeconds()
                                    + " s; on a slow or busy machine allow longer ("
                                    + START_TIMEOUT_PROPERTY + ")",
                            output.lastLines()));
                    close();
                    return;
                }
                if (!address.isDone()) {
                    boundAddress().ifPresent(address::complete);
                }
                if (address.isDone() && isHealthy(http)) {
                    log.info(
                            "Elasticsearch is ready at {} ({} ms after launch)",
                            address.join(),
                            Duration.ofNanos(System.nanoTime() - launchedAt).toMillis());
                    ready.complete(this);
                    return;
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ElasticsearchStartFailed e) {
            failPending(e);
            close();
        }
    }

    private Optional<URI> boundAddress() {
        try {
            List<String> lines = Files.readAllLines(layout.httpPortsFile());
            if (lines.isEmpty() || lines.getFirst().isBlank()) {
                return Optional.empty();
            }
            String bound = lines.getFirst().trim();
            int colon = bound.lastIndexOf(':');
            String host = bound.substring(0, colon).replace("[", "").replace("]", "");
            return Optional.of(httpUri(host, Integer.parseInt(bound.substring(colon + 1))));
        } catch (IOException notYetWritten) {
            return Optional.empty();
        }
    }

    private boolean isHealthy(HttpClient http) throws InterruptedException {
        NodeCredentials signIn = credentials.join();
        HttpRequest request = HttpRequest.newBuilder(
                        address.join().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .header("Authorization", basicAuthorization(signIn.username(), signIn.password()))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new ElasticsearchStartFailed(
                        "The Elasticsearch node refused Heard's credentials from " + layout.credentials()
                                + "; it is not using the configuration Heard wrote",
                        output.lastLines());
            }
            return response.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private void stop(Process running) {
        // The launcher's children, taken now: once it has exited they are no longer listed as its children.
        List<ProcessHandle> server = running.descendants().toList();
        try {
            // SIGTERM to the launcher, which asks the server to shut down cleanly and waits for it.
            running.destroy();
            if (!running.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "The embedded Elasticsearch node did not stop within {} s; killing it",
                        STOP_TIMEOUT.toSeconds());
                running.destroyForcibly();
                running.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle process : server) {
                if (process.onExit()
                                .completeOnTimeout(null, KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                                .join()
                        == null) {
                    process.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            server.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private void failPending(ElasticsearchStartFailed failure) {
        credentials.completeExceptionally(failure);
        address.completeExceptionally(failure);
        ready.completeExceptionally(failure);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ElasticsearchStartFailed failure) {
                throw failure;
            }
            throw new ElasticsearchStartFailed(
                    "The embedded Elasticsearch node failed: " + e.getCause(), List.of(), e.getCause());
        }
    }

    static String basicAuthorization(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static URI httpUri(String host, int port) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
