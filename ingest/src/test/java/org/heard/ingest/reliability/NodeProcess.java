package org.heard.ingest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** An {@link IngestNode} in a child JVM: {@link #kill()} is SIGKILL, nothing runs on the way out. */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static NodeProcess start(Path log, List<String> arguments) {
        try {
            Files.createDirectories(log.getParent());
            var command = new ArrayList<String>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx768m");
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(IngestNode.class.getName());
            command.addAll(arguments);
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new NodeProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an ingest node", e);
        }
    }

    /** Waits until the node's line {@code expected} shows in its log; fails with the log's tail if it dies. */
    NodeProcess awaitLog(String expected, Duration timeout) {
        Awaitility.await("ingest node: " + expected)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the ingest node exited with " + process.exitValue() + ":\n" + tail());
                    }
                    return output().contains(expected);
                });
        return this;
    }

    long pid() {
        return process.pid();
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String tail() {
        var lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** SIGKILL. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
            if (process.isAlive()) {
                kill();
            }
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
