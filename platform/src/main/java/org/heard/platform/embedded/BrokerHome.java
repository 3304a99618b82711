package org.heard.platform.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's home on disk: Kafka's log directory (records and cluster metadata), the ports it last
 * listened on, and a lock held while a broker runs, so a second broker fails at once with a clear
 * message instead of Kafka's own lock failure deep inside start-up.
 */
final class BrokerHome implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BrokerHome.class);
    private static final String LOCK_FILE = "broker.lock";
    private static final String PORTS_FILE = "ports.properties";
    private static final String PORT = "port";
    private static final String CONTROLLER_PORT = "controller.port";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private BrokerHome(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the directory for this broker, creating it when new. */
    static BrokerHome claim(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot use " + directory + " as the embedded Kafka data directory: " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another broker in this same JVM holds it.
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("Cannot lock " + lockFile + " for the embedded Kafka broker: " + e, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("The embedded Kafka data directory " + directory
                    + " is in use by another running broker (it holds the lock on " + lockFile
                    + "). Stop that broker, or give this one another data directory.");
        }
        return new BrokerHome(directory, channel, lock);
    }

    Path directory() {
        return directory;
    }

    /** Kafka's log.dirs; its metadata log lives here too. */
    Path logDirectory() {
        return directory.resolve("logs");
    }

    OptionalInt rememberedPort() {
        return remembered(PORT);
    }

    OptionalInt rememberedControllerPort() {
        return remembered(CONTROLLER_PORT);
    }

    /** So a restart listens where clients and tools last found the broker. */
    void rememberPorts(int port, int controllerPort) {
        Properties ports = new Properties();
        ports.setProperty(PORT, String.valueOf(port));
        ports.setProperty(CONTROLLER_PORT, String.valueOf(controllerPort));
        Path file = directory.resolve(PORTS_FILE);
        Path written = directory.resolve(PORTS_FILE + ".new");
        try {
            try (OutputStream out = Files.newOutputStream(written)) {
                ports.store(out, "Ports the embedded Kafka broker last listened on");
            }
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only a convenience: the next start picks other free ports.
            log.warn("Could not remember the embedded Kafka ports in {}: {}", file, e.toString());
        }
    }

    /**
     * Formats the storage with a new cluster id the first time; later starts find meta.properties
     * (which holds the cluster id) and reuse what is there.
     */
    void formatIfNew(KafkaConfig config) {
        if (Files.exists(logDirectory().resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try (PrintStream printed = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printed)
                    .setNodeId(KafkaServerProperties.NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(KafkaServerProperties.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory().toString())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot format the embedded Kafka storage in " + logDirectory() + ": " + e.getMessage()
                            + System.lineSeparator() + report.toString(StandardCharsets.UTF_8),
                    e);
        }
        log.info("Formatted new Kafka storage in {} (cluster id {})", logDirectory(), clusterId);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("Could not release the lock on {}: {}", directory.resolve(LOCK_FILE), e.toString());
        }
        closeQuietly(lockChannel);
    }

    private OptionalInt remembered(String key) {
        Path file = directory.resolve(PORTS_FILE);
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        Properties ports = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            ports.load(in);
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        return Optional.ofNullable(ports.getProperty(key))
                .flatMap(BrokerHome::parsePort)
                .map(OptionalInt::of)
                .orElse(OptionalInt.empty());
    }

    private static Optional<Integer> parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            return port > 0 && port <= 65535 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing left to do with a channel we are giving up.
        }
    }
}
