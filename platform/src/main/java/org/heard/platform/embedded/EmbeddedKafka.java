package org.heard.platform.embedded;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server;
import kafka.server.SharedServer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this process,
 * so Heard needs no Kafka of its own to start, and tests get a real broker without Docker.
 *
 * <p>It is assembled from the same parts as Kafka's {@code KafkaRaftServer}, but with faults that stop
 * the broker rather than halt the JVM (see {@link BrokerFaults}).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where and how the broker runs.
     *
     * @param dataDirectory log.dirs and metadata live here (e.g. {@code ./data/kafka}), so records survive a restart
     * @param host the only address the broker listens on; a loopback address unless {@code remoteClients}
     * @param port the client port; 0 = the port of the last start if still free, else any free port
     * @param controllerPort the KRaft controller port; 0 as for {@code port}
     * @param brokerProperties extra Kafka server properties; they override the single-node defaults
     * @param login null: anyone who reaches the port may read and write (a test broker on loopback);
     *     else clients must sign in with it (SASL/SCRAM), and the controller port too (SASL/PLAIN)
     * @param remoteClients whether the broker may listen beyond loopback; it needs a {@code login} then
     */
    public record Settings(
            Path dataDirectory,
            String host,
            int port,
            int controllerPort,
            Map<String, String> brokerProperties,
            Login login,
            boolean remoteClients) {

        public Settings {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must name the address to listen on, e.g. 127.0.0.1");
            }
            requirePort("port", port);
            requirePort("controllerPort", controllerPort);
            if (port != 0 && port == controllerPort) {
                throw new IllegalArgumentException("port and controllerPort must differ, both are " + port);
            }
            brokerProperties = Map.copyOf(brokerProperties == null ? Map.of() : brokerProperties);
            if (remoteClients && login == null) {
                throw new IllegalArgumentException(
                        "A broker that other machines may reach needs a login for its clients");
            }
        }

        public Settings(
                Path dataDirectory, String host, int port, int controllerPort, Map<String, String> brokerProperties) {
            this(dataDirectory, host, port, controllerPort, brokerProperties, null, false);
        }

        /** Listens on 127.0.0.1 on free ports (or those of the last start), with no extra properties and no login. */
        public static Settings in(Path dataDirectory) {
            return new Settings(dataDirectory, "127.0.0.1", 0, 0, Map.of());
        }

        public Settings withHost(String host) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, login, remoteClients);
        }

        public Settings withPort(int port) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, login, remoteClients);
        }

        public Settings withControllerPort(int controllerPort) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, login, remoteClients);
        }

        /** These server properties on top of those already given; a later value for a name wins. */
        public Settings withBrokerProperties(Map<String, String> more) {
            Map<String, String> merged = new HashMap<>(brokerProperties);
            merged.putAll(more);
            return new Settings(dataDirectory, host, port, controllerPort, merged, login, remoteClients);
        }

        public Settings withBrokerProperty(String name, String value) {
            return withBrokerProperties(Map.of(name, value));
        }

        /** Clients must sign in with this login. */
        public Settings withLogin(Login login) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, login, remoteClients);
        }

        /** Lets the broker listen on an address other machines reach (it must have a login). */
        public Settings withRemoteClients(boolean remoteClients) {
            return new Settings(dataDirectory, host, port, controllerPort, brokerProperties, login, remoteClients);
        }

        private static void requirePort(String name, int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, not " + value);
            }
        }
    }

    /**
     * The one account of a broker that requires a login: its clients and the broker itself sign in
     * with it. {@code toString} never shows the password.
     */
    public record Login(String username, String password) {

        /** SCRAM with SHA-512, as the clients use it. */
        public static final String MECHANISM = "SCRAM-SHA-512";

        public Login {
            if (username == null || !username.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("A Kafka login name is letters, digits, '.', '_' or '-'");
            }
            if (password == null || password.length() < 16 || !password.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("A Kafka login password is at least 16 base64url characters");
            }
        }

        /** The client properties that sign in with it ({@code security.protocol}, {@code sasl.*}). */
        public Map<String, String> clientProperties() {
            return Map.of(
                    "security.protocol",
                    "SASL_PLAINTEXT",
                    "sasl.mechanism",
                    MECHANISM,
                    "sasl.jaas.config",
                    jaas("org.apache.kafka.common.security.scram.ScramLoginModule", ""));
        }

        String jaas(String loginModule, String more) {
            return loginModule + " required username=\"" + username + "\" password=\"" + password + "\"" + more + ";";
        }

        @Override
        public String toString() {
            return "Login[username=" + username + ", password=<hidden>]";
        }
    }

    private final Path dataDirectory;
    private final String bootstrapServers;
    private final Login login;
    private final BrokerHome home;
    private final ControllerServer controller;
    private final BrokerServer broker;
    private final Object lifecycle = new Object();
    private boolean closed;

    private EmbeddedKafka(
            Path dataDirectory,
            String bootstrapServers,
            Login login,
            BrokerHome home,
            ControllerServer controller,
            BrokerServer broker) {
        this.dataDirectory = dataDirectory;
        this.bootstrapServers = bootstrapServers;
        this.login = login;
        this.home = home;
        this.controller = controller;
        this.broker = broker;
    }

    /**
     * Formats storage on first start (the cluster id is kept in the data directory), reuses it later,
     * and returns once the broker accepts clients.
     *
     * @throws IllegalStateException when a configured port is in use, another broker runs on the data
     *     directory, or the broker cannot start; the message says what and where
     */
    public static EmbeddedKafka start(Settings settings) {
        long started = System.nanoTime();
        Path dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
        refuseRemoteClientsUnlessAllowed(settings);
        KafkaLogLevels.quietenUnlessConfigured();
        BrokerHome home = BrokerHome.claim(dataDirectory);
        try {
            BrokerPorts ports = BrokerPorts.choose(settings, home);
            KafkaConfig config = configFor(settings, ports, home);
            home.formatIfNew(config);
            EmbeddedKafka kafka = run(config, home, settings.host() + ":" + ports.port(), settings.login());
            home.rememberPorts(ports.port(), ports.controllerPort());
            log.info(
                    "Embedded Kafka accepts clients on {} (data in {}), started in {} ms",
                    kafka.bootstrapServers,
                    dataDirectory,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return kafka;
        } catch (RuntimeException | Error e) {
            home.close();
            throw e;
        }
    }

    private static KafkaConfig configFor(Settings settings, BrokerPorts ports, BrokerHome home) {
        try {
            return new KafkaConfig(
                    KafkaServerProperties.of(
                            settings.host(),
                            ports.port(),
                            ports.controllerPort(),
                            home.logDirectory(),
                            settings.login(),
                            settings.brokerProperties()),
                    false);
        } catch (ConfigException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "The embedded Kafka broker in " + home.directory() + " has an invalid server property: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Without a login anyone who reaches the port reads every mention and may publish replies, so
     * such a broker serves this machine only; with one, only when asked to serve others.
     */
    private static void refuseRemoteClientsUnlessAllowed(Settings settings) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(settings.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(
                    "The embedded Kafka broker cannot listen on " + settings.host() + ": no such address", e);
        }
        if (!loopback && !settings.remoteClients()) {
            throw new IllegalStateException(
                    "The embedded Kafka broker serves this machine only, so it does not listen on "
                            + settings.host()
                            + "; use 127.0.0.1, configure an external Kafka (spring.kafka.bootstrap-servers),"
                            + " or set heard.embedded.kafka.allow-remote-clients=true (clients then sign in with the credential"
                            + " in the data directory, over plain TCP)");
        }
    }

    /** Assembled as KafkaRaftServer does, but with {@link BrokerFaults}. */
    private static EmbeddedKafka run(KafkaConfig config, BrokerHome home, String bootstrapServers, Login login) {
        ControllerServer controller = null;
        BrokerServer broker = null;
        Metrics metrics = null;
        try {
            Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> storage =
                    KafkaRaftServer.initializeLogDirs(config, log, "[EmbeddedKafka] ");
            metrics = Server.initializeMetrics(
                    config, Time.SYSTEM, storage._1().clusterId().orElseThrow());
            BrokerFaults faults = new BrokerFaults();
            SharedServer shared = new SharedServer(
                    config,
                    storage._1(),
                    Time.SYSTEM,
                    metrics,
                    CompletableFuture.completedFuture(QuorumConfig.parseVoterConnections(
                            config.quorumConfig().voters())),
                    QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
                    faults,
                    ServerSocketFactory.INSTANCE);
            controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), storage._2());
            broker = new BrokerServer(shared);
            // The controller first, so the broker can register with it.
            controller.startup();
            if (login != null) {
                // Before the broker opens its port: the first client finds its account there.
                ScramAccount.ensure(controller.controller(), login);
            }
            broker.startup();

            EmbeddedKafka kafka =
                    new EmbeddedKafka(home.directory(), bootstrapServers, login, home, controller, broker);
            faults.onFatalFault(kafka::closeInBackground);
            return kafka;
        } catch (Throwable e) {
            // Kafka's Scala code also throws checked exceptions (a start-up TimeoutException) undeclared.
            stopQuietly(broker, controller);
            if (metrics != null) {
                Utils.closeQuietly(metrics, "embedded Kafka metrics");
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "The embedded Kafka broker in " + home.directory() + " could not start: " + rootMessage(e), e);
        }
    }

    /** Where clients connect, e.g. {@code 127.0.0.1:40123}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What a client needs besides {@link #bootstrapServers()}: the login's SASL properties, if it has one. */
    public Map<String, String> clientProperties() {
        return login == null ? Map.of() : login.clientProperties();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the broker in order and releases the data directory; later calls do nothing. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopQuietly(broker, controller);
            home.close();
            log.info("Embedded Kafka on {} stopped", bootstrapServers);
        }
    }

    /** After a fatal fault, from a Kafka thread that close() may have to wait for. */
    private void closeInBackground() {
        Thread.ofPlatform().daemon().name("embedded-kafka-stop").start(this::close);
    }

    private static void stopQuietly(BrokerServer broker, ControllerServer controller) {
        // Broker first: it asks the controller for a controlled shutdown.
        if (broker != null) {
            try {
                broker.shutdown(SHUTDOWN_TIMEOUT);
                broker.awaitShutdown();
            } catch (Exception e) {
                log.warn("Embedded Kafka broker did not stop cleanly", e);
            }
        }
        if (controller != null) {
            try {
                controller.shutdown();
                controller.awaitShutdown();
            } catch (Exception e) {
                log.warn("Embedded Kafka controller did not stop cleanly", e);
            }
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + " (" + root + ")";
    }
}
