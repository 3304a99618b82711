package org.heard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path parent;

    @Test
    void aDataDirectoryOthersMayWriteToLosesThosePermissionsAndTheChangeIsReported() throws IOException {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));

        var changed = DataDirectory.secure(data);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwxr-xr-x");
        assertThat(changed)
                .hasValueSatisfying(message -> assertThat(message)
                        .contains(data.toString())
                        .contains("rwxrwxrwx")
                        .contains("rwxr-xr-x"));
    }

    @Test
    void aPrivateOrTraversableDataDirectoryIsLeftAsItIs() throws IOException {
        Path data = Files.createDirectory(parent.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx--x--x"));

        assertThat(DataDirectory.secure(data)).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx--x--x");
        assertThat(DataDirectory.secure(parent.resolve("not-yet")))
                .as("made later, privately")
                .isEmpty();
    }
}
