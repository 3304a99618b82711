package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeCredentialsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void generatesAStrongPasswordOnFirstStartReadableByItsOwnerOnly() throws IOException {
        NodeCredentials credentials = NodeCredentials.loadOrCreate(dataDirectory);

        assertThat(credentials.username()).isEqualTo("heard");
        assertThat(credentials.password()).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDirectory.resolve("credentials"))))
                .isEqualTo("rw-------");
    }

    @Test
    void reusesThePasswordOnRestart() throws IOException {
        NodeCredentials first = NodeCredentials.loadOrCreate(dataDirectory);

        assertThat(NodeCredentials.loadOrCreate(dataDirectory)).isEqualTo(first);
    }

    @Test
    void generatesADifferentPasswordForEachNewNode(@TempDir Path otherDataDirectory) throws IOException {
        assertThat(NodeCredentials.loadOrCreate(dataDirectory).password())
                .isNotEqualTo(NodeCredentials.loadOrCreate(otherDataDirectory).password());
    }

    @Test
    void refusesACredentialsFileItDidNotWrite() throws IOException {
        Files.writeString(dataDirectory.resolve("credentials"), "password=short\n");

        assertThatThrownBy(() -> NodeCredentials.loadOrCreate(dataDirectory))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("delete it");
    }

    @Test
    void neverShowsThePasswordInText() throws IOException {
        NodeCredentials credentials = NodeCredentials.loadOrCreate(dataDirectory);

        assertThat(credentials.toString())
                .doesNotContain(credentials.password())
                .contains("heard");
    }
}
