package org.heard.platform.embedded;

import java.nio.file.Path;

/** Where one node keeps its things, all under the data directory the application chose. */
record NodeLayout(Path dataDirectory) {

    NodeLayout {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    Path config() {
        return dataDirectory.resolve("config");
    }

    Path data() {
        return dataDirectory.resolve("data");
    }

    Path logs() {
        return dataDirectory.resolve("logs");
    }

    Path tmp() {
        return dataDirectory.resolve("tmp");
    }

    Path pidFile() {
        return dataDirectory.resolve("node.pid");
    }

    /** Written by the node once its HTTP port is bound ({@code node.portsfile}). */
    Path httpPortsFile() {
        return logs().resolve("http.ports");
    }

    Path nodeLock() {
        return data().resolve("node.lock");
    }

    Path credentials() {
        return dataDirectory.resolve(NodeCredentials.FILE_NAME);
    }
}
