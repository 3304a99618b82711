package org.heard.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a tool the build installs (npm, Node.js scripts) and returns what it said, within a time bound. */
public final class Processes {

    /** What a finished process said: its exit code, and its standard output and error, interleaved or apart. */
    public record Result(int exitCode, String output, String errors) {}

    private Processes() {}

    /** Standard error merged into the output. */
    public static Result run(Path directory, List<String> command) throws IOException, InterruptedException {
        return run(directory, command, Map.of(), true, Duration.ofMinutes(5));
    }

    public static Result run(
            Path directory, List<String> command, Map<String, String> environment, boolean mergeErrors, Duration bound)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(new ArrayList<>(command))
                .directory(directory.toFile())
                .redirectErrorStream(mergeErrors);
        builder.environment().putAll(environment);
        var process = builder.start();
        process.getOutputStream().close();
        // Read while it runs so a full pipe cannot stall it; the wait below bounds the time.
        var output = new StringBuilder();
        var errors = new StringBuilder();
        var outputReader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), output));
        var errorReader = mergeErrors ? null : Thread.ofVirtual().start(() -> drain(process.getErrorStream(), errors));
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + bound);
        }
        outputReader.join(TimeUnit.SECONDS.toMillis(30));
        if (errorReader != null) {
            errorReader.join(TimeUnit.SECONDS.toMillis(30));
        }
        synchronized (output) {
            synchronized (errors) {
                return new Result(process.exitValue(), output.toString(), errors.toString());
            }
        }
    }

    private static void drain(java.io.InputStream in, StringBuilder into) {
        try (in) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            synchronized (into) {
                into.append(text);
            }
        } catch (IOException ignored) {
            // the process died; its exit code tells
        }
    }
}
