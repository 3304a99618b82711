package org.heard.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class StaffDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void refusesToStartWithAPasswordHashThatIsThePasswordItself() {
        assertThatThrownBy(() -> directoryOf("{noop}correct horse"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sam has a {noop} password hash, which is the password itself in plain text")
                .hasMessageContaining("{bcrypt}");
    }

    @Test
    void refusesTheOldFastDigestsToo() {
        assertThatThrownBy(() -> directoryOf("{MD5}8d3f5b3b0d5b7f9e1b2a0f1c2d3e4f50"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("{md5} password hash, which is fast to guess from");
    }

    @Test
    void acceptsABcryptHashAndChecksPasswordsAgainstIt() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var directory = directoryOf("{bcrypt}$2a$04$7lQkUD5glF80uVIq75K1q.bSJsASNnqL27TP45vPOlcANrdlWKPeG");

        assertThat(encoder.matches(
                        "correct horse", directory.loadUserByUsername("sam").getPassword()))
                .isTrue();
    }

    private StaffDirectory directoryOf(String hash) {
        var settings = new StaffSettings(List.of(
                new StaffSettings.StaffMember("sam", hash, null, "Sam", null, Set.of(StaffRole.RESPONDER), Set.of())));
        return new StaffDirectory(settings, dataDir, PasswordEncoderFactories.createDelegatingPasswordEncoder(), true);
    }
}
