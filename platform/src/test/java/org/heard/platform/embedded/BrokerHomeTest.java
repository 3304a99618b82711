package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerHomeTest {

    @TempDir
    Path directory;

    @Test
    void secondClaimOnADirectoryInUseFailsNamingIt() {
        try (BrokerHome first = BrokerHome.claim(directory)) {
            assertThatThrownBy(() -> BrokerHome.claim(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(directory.toString())
                    .hasMessageContaining("in use by another running broker");
        }
    }

    @Test
    void directoryCanBeClaimedAgainOnceReleased() {
        BrokerHome.claim(directory).close();

        try (BrokerHome again = BrokerHome.claim(directory)) {
            assertThat(again.directory()).isEqualTo(directory);
        }
    }

    @Test
    void remembersThePortsOfTheLastStart() {
        try (BrokerHome home = BrokerHome.claim(directory)) {
            assertThat(home.rememberedPort()).isEmpty();
            home.rememberPorts(40123, 40124);
        }

        try (BrokerHome home = BrokerHome.claim(directory)) {
            assertThat(home.rememberedPort()).hasValue(40123);
            assertThat(home.rememberedControllerPort()).hasValue(40124);
        }
    }

    @Test
    void keepsKafkaLogsInADirectoryOfTheirOwn() {
        try (BrokerHome home = BrokerHome.claim(directory)) {
            assertThat(home.logDirectory()).isEqualTo(directory.resolve("logs"));
        }
    }
}
