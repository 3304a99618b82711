package org.heard.platform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the node prints. Its errors reach our log at WARN, its warnings at INFO and the rest at
 * DEBUG (the node keeps full logs in its own logs directory); the last lines are kept so a failed
 * start can say what the node said.
 */
final class NodeOutput {

    static final int KEPT_LINES = 40;
    private static final Logger log = LoggerFactory.getLogger("org.heard.platform.embedded.elasticsearch");

    private final Deque<String> lastLines = new ArrayDeque<>(KEPT_LINES);

    /** Reads until the node closes its output; call from the thread that waits for the node. */
    void pump(InputStream output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                accept(line);
            }
        } catch (IOException closed) {
            // The node's output closed under us while stopping; nothing more to read.
        }
    }

    void accept(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
        switch (levelOf(line)) {
            case ERROR -> log.warn("{}", line);
            case WARNING -> log.info("{}", line);
            case OTHER -> log.debug("{}", line);
        }
    }

    List<String> lastLines() {
        synchronized (lastLines) {
            return List.copyOf(lastLines);
        }
    }

    enum Level {
        ERROR,
        WARNING,
        OTHER
    }

    static Level levelOf(String line) {
        if (line.contains("][ERROR]")
                || line.contains("][FATAL]")
                || line.startsWith("ERROR:")
                || line.startsWith("Exception")
                || line.startsWith("Caused by:")
                || line.startsWith("\tat ")
                || line.startsWith("fatal exception")) {
            return Level.ERROR;
        }
        if (line.contains("][WARN ]") || line.startsWith("WARNING:") || line.startsWith("warning:")) {
            return Level.WARNING;
        }
        return Level.OTHER;
    }
}
