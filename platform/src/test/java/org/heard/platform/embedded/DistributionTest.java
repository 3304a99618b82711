package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {

    @TempDir
    Path root;

    private Path zip;

    @BeforeEach
    void smallDistribution() throws IOException {
        zip = root.resolve("elasticsearch.zip");
        try (FileSystem archive =
                FileSystems.newFileSystem(zip, Map.of("create", true, "enablePosixFileAttributes", true))) {
            Path bin = Files.createDirectories(archive.getPath("/elasticsearch-9.9.9/bin"));
            Path script = Files.writeString(bin.resolve("elasticsearch"), "#!/bin/bash\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path config = Files.createDirectories(archive.getPath("/elasticsearch-9.9.9/config"));
            Path options = Files.writeString(config.resolve("jvm.options"), "-XX:+UseG1GC\n");
            Files.setPosixFilePermissions(options, PosixFilePermissions.fromString("rw-rw----"));
        }
    }

    @Test
    void keepsTheScriptsExecutableAndLetsTheNodesUserReadEverything() throws IOException {
        Path home = Distribution.unpackInto(root.resolve("dist"), zip.toUri().toURL(), "9.9.9");

        assertThat(home).isEqualTo(root.resolve("dist/elasticsearch-9.9.9"));
        assertThat(permissions(home.resolve("bin/elasticsearch"))).isEqualTo("rwxr-xr-x");
        assertThat(permissions(home.resolve("config/jvm.options"))).isEqualTo("rw-r--r--");
        assertThat(permissions(home.resolve("config"))).isEqualTo("rwxr-xr-x");
        assertThat(Files.readString(home.resolve("config/jvm.options"))).isEqualTo("-XX:+UseG1GC\n");
    }

    @Test
    void unpacksFromInsideAPackagedApplicationJar() throws IOException {
        Path jar = root.resolve("heard.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("org/heard/platform/embedded/elasticsearch.zip"));
            Files.copy(zip, (OutputStream) out);
            out.closeEntry();
        }
        URL inJar = URI.create("jar:" + jar.toUri() + "!/org/heard/platform/embedded/elasticsearch.zip")
                .toURL();

        Path home = Distribution.unpackInto(root.resolve("dist"), inJar, "9.9.9");

        assertThat(permissions(home.resolve("bin/elasticsearch"))).isEqualTo("rwxr-xr-x");
        try (Stream<Path> left = Files.list(root.resolve("dist"))) {
            assertThat(left)
                    .as("the copied zip and the unpacking directory are gone")
                    .containsExactly(home);
        }
    }

    @Test
    void leavesAnUnpackedVersionAlone() throws IOException {
        Path home = Distribution.unpackInto(root.resolve("dist"), zip.toUri().toURL(), "9.9.9");
        Files.writeString(home.resolve("bin/elasticsearch"), "#!/bin/bash\n# patched\n");

        Distribution.unpackInto(root.resolve("dist"), zip.toUri().toURL(), "9.9.9");

        assertThat(Files.readString(home.resolve("bin/elasticsearch"))).contains("# patched");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
