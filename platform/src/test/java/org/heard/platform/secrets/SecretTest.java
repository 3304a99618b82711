package org.heard.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretTest {

    @TempDir
    Path directory;

    @Test
    void readsAReferenceFromTheEnvironmentOrAFile() throws Exception {
        Path file = Files.writeString(directory.resolve("token"), "from-the-file\n");

        assertThat(new Secret("env:HEARD_TOKEN").read(Map.of("HEARD_TOKEN", " from-env ")))
                .isEqualTo("from-env");
        assertThat(new Secret("file:" + file).read(Map.of())).isEqualTo("from-the-file");
        assertThat(Secret.inFile(file).read()).isEqualTo("from-the-file");
    }

    @Test
    void refusesALiteralValueWhereAReferenceBelongs() {
        assertThatThrownBy(() -> new Secret("hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("env:NAME or file:/path");
        assertThatThrownBy(() -> new Secret("env:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysWhereAMissingSecretWasLookedForNeverItsValue() {
        assertThatThrownBy(() -> new Secret("env:NOT_SET").read(Map.of()))
                .isInstanceOf(Secret.Missing.class)
                .hasMessage("environment variable NOT_SET is not set");
        assertThatThrownBy(() -> Secret.inFile(directory.resolve("absent")).read())
                .isInstanceOf(Secret.Missing.class)
                .hasMessageContaining("cannot be read");
    }

    @Test
    void takesASettingPairGivenOrFromAFileButNotBoth() throws Exception {
        Path file = Files.writeString(directory.resolve("password"), "p4ss");

        assertThat(Secret.givenOrFile("from-env", null, "x.password")
                        .orElseThrow()
                        .read(Map.of()))
                .isEqualTo("from-env");
        assertThat(Secret.givenOrFile(null, file, "x.password").orElseThrow().read(Map.of()))
                .isEqualTo("p4ss");
        assertThat(Secret.givenOrFile(" ", null, "x.password")).isEmpty();
        assertThatThrownBy(() -> Secret.givenOrFile("a", file, "x.password"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.password: set it or x.password-file, not both");
    }

    @Test
    void neverShowsTheValue() {
        var given = Secret.givenOrFile("s3cr3t", null, "x.password").orElseThrow();

        assertThat(given.toString()).isEqualTo("Secret[given in x.password]").doesNotContain("s3cr3t");
        assertThat(new Secret("env:X").toString()).isEqualTo("Secret[env:X]");
    }
}
