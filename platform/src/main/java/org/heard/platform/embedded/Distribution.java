package org.heard.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Elasticsearch distribution bundled on the classpath (platform's build copies the integ-test
 * zip of the client's exact version), unpacked once per version into a shared directory.
 */
final class Distribution {

    static final String RESOURCE_DIRECTORY = "org/heard/platform/embedded/";
    private static final String ZIP = RESOURCE_DIRECTORY + "elasticsearch.zip";
    private static final String VERSION = RESOURCE_DIRECTORY + "elasticsearch.properties";
    private static final Set<PosixFilePermission> WORLD_READABLE_DIRECTORY =
            PosixFilePermissions.fromString("rwxr-xr-x");

    private Distribution() {}

    static String bundledVersion() {
        try (InputStream in = resource(VERSION).openStream()) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalStateException("Bad Elasticsearch version '" + version + "' in " + VERSION);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the unpacked Elasticsearch home for the bundled version under {@code directory},
     * unpacking it first if needed. Unpacking happens in a temporary sibling that is renamed into
     * place in one step, so a concurrent process either sees a complete home or none; when two
     * race, the loser throws its copy away and uses the winner's.
     */
    static Path unpackInto(Path directory) throws IOException {
        return unpackInto(directory, resource(ZIP), bundledVersion());
    }

    /** As {@link #unpackInto(Path)}, for a distribution zip whose single root is {@code elasticsearch-<version>}. */
    static Path unpackInto(Path directory, URL zip, String version) throws IOException {
        String name = "elasticsearch-" + version;
        Path home = directory.resolve(name);
        if (Files.isDirectory(home)) {
            return home;
        }
        Files.createDirectories(directory);
        Path unpacking = Files.createTempDirectory(directory, "." + name + ".unpacking-");
        try {
            // The distribution holds no secrets; the node's own user must be able to read it.
            Files.setPosixFilePermissions(unpacking, WORLD_READABLE_DIRECTORY);
            unzip(zip, unpacking);
            Path unpacked = unpacking.resolve(name);
            if (!Files.isExecutable(unpacked.resolve("bin/elasticsearch"))) {
                throw new IOException("The bundled Elasticsearch zip has no executable " + name + "/bin/elasticsearch");
            }
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException impossible) {
                throw new IOException("Cannot rename within " + directory + " atomically", impossible);
            } catch (FileSystemException lost) {
                // rename(2) onto a non-empty directory fails (ENOTEMPTY, a plain FileSystemException):
                // another process unpacked the same version first, and its copy is complete.
                if (!Files.isDirectory(home)) {
                    throw lost;
                }
            }
            return home;
        } finally {
            deleteRecursively(unpacking);
        }
    }

    private static void unzip(URL zip, Path target) throws IOException {
        Path zipFile;
        boolean copied = false;
        if ("file".equals(zip.getProtocol())) {
            zipFile = toPath(zip);
        } else {
            // Inside a packaged jar: the zip file system needs a real file.
            zipFile = target.resolve("elasticsearch.zip");
            try (InputStream in = zip.openStream()) {
                Files.copy(in, zipFile);
            }
            copied = true;
        }
        try (FileSystem archive = FileSystems.newFileSystem(zipFile, Map.of("enablePosixFileAttributes", true))) {
            Path root = archive.getPath("/");
            try (Stream<Path> entries = Files.walk(root)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    if (entry.equals(root)) {
                        continue;
                    }
                    Path destination = target.resolve(root.relativize(entry).toString());
                    if (Files.isDirectory(entry)) {
                        Files.createDirectories(destination);
                        Files.setPosixFilePermissions(destination, WORLD_READABLE_DIRECTORY);
                    } else {
                        Files.createDirectories(destination.getParent());
                        Files.copy(entry, destination);
                        Files.setPosixFilePermissions(
                                destination,
                                readableByAll(Files.readAttributes(entry, PosixFileAttributes.class)
                                        .permissions()));
                    }
                }
            }
        } finally {
            if (copied) {
                Files.deleteIfExists(zipFile);
            }
        }
    }

    /** Keeps the executable bit (bin/*) and makes everything readable, never writable, by others. */
    private static Set<PosixFilePermission> readableByAll(Set<PosixFilePermission> inZip) {
        Set<PosixFilePermission> permissions = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        if (inZip.contains(PosixFilePermission.OWNER_EXECUTE)) {
            permissions.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }

    private static URL resource(String name) {
        URL url = Distribution.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("The Elasticsearch distribution is not on the classpath (" + name
                    + "); build with ./mvnw so the platform module bundles it at generate-resources");
        }
        return url;
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
