package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures that are found before any Kafka thread runs; the rest is in EmbeddedKafkaIT. */
class EmbeddedKafkaStartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void invalidServerPropertyFailsNamingItAndReleasesTheDirectory() {
        EmbeddedKafka.Settings settings =
                EmbeddedKafka.Settings.in(dataDirectory).withBrokerProperty("num.io.threads", "several");

        assertThatThrownBy(() -> EmbeddedKafka.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dataDirectory.toString())
                .hasMessageContaining("invalid server property")
                .hasMessageContaining("num.io.threads");

        BrokerHome.claim(dataDirectory).close();
    }

    @Test
    void unusableAdvertisedAddressFailsNamingIt() {
        // Past the loopback check (a login, remote clients allowed): Kafka itself refuses to advertise it.
        EmbeddedKafka.Settings settings = EmbeddedKafka.Settings.in(dataDirectory)
                .withLogin(new EmbeddedKafka.Login("heard", "a-long-enough-generated-password"))
                .withRemoteClients(true)
                .withHost("0.0.0.0");

        assertThatThrownBy(() -> EmbeddedKafka.start(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid server property")
                .hasMessageContaining("0.0.0.0");
    }
}
