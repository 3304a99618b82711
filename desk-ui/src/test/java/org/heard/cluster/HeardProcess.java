package org.heard.cluster;

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

/**
 * One Heard instance as a child JVM on the test's classpath, so that {@link #kill()} is a real
 * crash (SIGKILL: no shutdown hooks, no goodbye to the Kafka group). Its output goes to a log file
 * the test reads to learn what the instance does.
 */
final class HeardProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private HeardProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param directory the instance's data directory goes here
     * @param logs its output goes here, kept after the test for a look at what happened
     */
    static HeardProcess start(String name, Path directory, Path logs, String heap, List<String> arguments) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            var command = new ArrayList<String>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx" + heap);
            command.add("-XX:+UseSerialGC");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.heard.HeardApplication");
            command.add("--heard.data-dir=" + directory.resolve(name + "-data"));
            command.addAll(arguments);
            // The desk's development mode expects the module directory, as the in-JVM desk tests run.
            var process = new ProcessBuilder(command)
                    .directory(Path.of(System.getProperty("user.dir")).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            var started = new HeardProcess(name, process, log);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Heard instance " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Waits for Spring Boot's "Started" line; fails with the log's tail if the instance dies first. */
    HeardProcess awaitStarted(Duration timeout) {
        Awaitility.await(name + " started")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
                    }
                    return output().contains("Started HeardApplication");
                });
        return this;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        var lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Whether this instance's last word about the account was that it polls it. */
    boolean polls(String accountKey) {
        String output = output();
        int polls = output.lastIndexOf("polls " + accountKey);
        int stopped = output.lastIndexOf("stopped polling " + accountKey);
        return polls >= 0 && polls > stopped;
    }

    /** A crash: SIGKILL, nothing runs on the way out. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitForExit();
    }

    private void waitForExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
