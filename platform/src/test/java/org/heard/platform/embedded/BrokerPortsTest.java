package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerPortsTest {

    @TempDir
    Path directory;

    @Test
    void picksTwoDifferentFreePortsWhenNoneAreConfigured() {
        try (BrokerHome home = BrokerHome.claim(directory)) {
            BrokerPorts ports = BrokerPorts.choose(EmbeddedKafka.Settings.in(directory), home);

            assertThat(ports.port()).isPositive().isNotEqualTo(ports.controllerPort());
            assertThat(ports.controllerPort()).isPositive();
        }
    }

    @Test
    void reusesThePortsOfTheLastStartWhenStillFree() throws IOException {
        int port;
        int controllerPort;
        try (ServerSocket first = loopback();
                ServerSocket second = loopback()) {
            port = first.getLocalPort();
            controllerPort = second.getLocalPort();
        }
        try (BrokerHome home = BrokerHome.claim(directory)) {
            home.rememberPorts(port, controllerPort);

            assertThat(BrokerPorts.choose(EmbeddedKafka.Settings.in(directory), home))
                    .isEqualTo(new BrokerPorts(port, controllerPort));
        }
    }

    @Test
    void picksAnotherPortWhenTheRememberedOneIsTaken() throws IOException {
        try (BrokerHome home = BrokerHome.claim(directory);
                ServerSocket taken = loopback()) {
            home.rememberPorts(taken.getLocalPort(), 0);

            assertThat(BrokerPorts.choose(EmbeddedKafka.Settings.in(directory), home)
                            .port())
                    .isNotEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void failsNamingAConfiguredPortThatIsTaken() throws IOException {
        try (BrokerHome home = BrokerHome.claim(directory);
                ServerSocket taken = loopback()) {
            EmbeddedKafka.Settings settings =
                    EmbeddedKafka.Settings.in(directory).withPort(taken.getLocalPort());

            assertThatThrownBy(() -> BrokerPorts.choose(settings, home))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining(directory.toString());
        }
    }

    @Test
    void neverGivesTheControllerTheConfiguredClientPort() throws IOException {
        int configured;
        try (ServerSocket socket = loopback()) {
            configured = socket.getLocalPort();
        }
        try (BrokerHome home = BrokerHome.claim(directory)) {
            home.rememberPorts(configured + 1, configured);

            BrokerPorts ports =
                    BrokerPorts.choose(EmbeddedKafka.Settings.in(directory).withPort(configured), home);

            assertThat(ports.port()).isEqualTo(configured);
            assertThat(ports.controllerPort()).isNotEqualTo(configured);
        }
    }

    private static ServerSocket loopback() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }
}
