package org.heard.platform.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.OptionalInt;

/**
 * The two ports the broker listens on: one for clients, one for its controller. A configured port
 * must be free, or start-up fails at once naming it; a port left at 0 is the one remembered from the
 * last start when that is still free, otherwise any free one.
 */
record BrokerPorts(int port, int controllerPort) {

    static BrokerPorts choose(EmbeddedKafka.Settings settings, BrokerHome home) {
        String host = settings.host();
        if (settings.port() != 0) {
            requireFree(host, settings.port(), "client port", settings, home);
        }
        if (settings.controllerPort() != 0) {
            requireFree(host, settings.controllerPort(), "controller port", settings, home);
        }
        int port = settings.port() != 0
                ? settings.port()
                : rememberedIfFree(host, home.rememberedPort(), settings.controllerPort());
        int controllerPort = settings.controllerPort() != 0
                ? settings.controllerPort()
                : rememberedIfFree(host, home.rememberedControllerPort(), port);
        if (port == 0) {
            port = freePort(host, controllerPort);
        }
        if (controllerPort == 0) {
            controllerPort = freePort(host, port);
        }
        return new BrokerPorts(port, controllerPort);
    }

    private static int rememberedIfFree(String host, OptionalInt remembered, int takenByTheOther) {
        if (remembered.isPresent() && remembered.getAsInt() != takenByTheOther && isFree(host, remembered.getAsInt())) {
            return remembered.getAsInt();
        }
        return 0;
    }

    private static void requireFree(
            String host, int port, String which, EmbeddedKafka.Settings settings, BrokerHome home) {
        if (!isFree(host, port)) {
            throw new IllegalStateException("Cannot start the embedded Kafka broker: its " + which + " " + port
                    + " on " + host + " is already in use (data directory " + home.directory()
                    + "). Stop what listens there, or configure another port (0 picks a free one).");
        }
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As Kafka's own listener does, so a port left in TIME_WAIT by a previous broker counts as free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (BindException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot listen on " + host + ":" + port + " for the embedded Kafka broker: " + e, e);
        }
    }

    private static int freePort(String host, int notThisOne) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, 0));
                if (socket.getLocalPort() != notThisOne) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new IllegalStateException(
                        "Cannot find a free port on " + host + " for the embedded Kafka broker: " + e, e);
            }
        }
        throw new IllegalStateException("Cannot find a free port on " + host + " for the embedded Kafka broker");
    }
}
