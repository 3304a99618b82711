package org.heard.ingest.twitter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A credential named by where it lives, {@code env:NAME} or {@code file:/path}, never the value
 * itself: settings files get copied, pasted and logged, the environment and mounted secret files do
 * not. {@link #toString()} never shows the value.
 */
public record Secret(String reference) {

    public Secret {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("A secret reference must not be blank");
        }
        reference = reference.strip();
        if (!reference.startsWith("env:") && !reference.startsWith("file:")) {
            throw new IllegalArgumentException(
                    "Secrets are read from the environment or a file: write env:NAME or file:/path, not the value itself");
        }
    }

    /** The secret's value, or an explanation of why it cannot be read (never the value). */
    String resolve(Map<String, String> environment) {
        if (reference.startsWith("env:")) {
            var name = reference.substring("env:".length());
            var value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new MissingSecret("environment variable " + name + " is not set");
            }
            return value.strip();
        }
        var path = Path.of(reference.substring("file:".length()));
        try {
            var value = Files.readString(path).strip();
            if (value.isEmpty()) {
                throw new MissingSecret("secret file " + path + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new MissingSecret("secret file " + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (UncheckedIOException e) {
            throw new MissingSecret("secret file " + path + " cannot be read");
        }
    }

    @Override
    public String toString() {
        return "Secret[" + reference + "]";
    }

    /** A configured secret whose value is not there; the message says where it was looked for. */
    static final class MissingSecret extends RuntimeException {
        MissingSecret(String message) {
            super(message);
        }
    }
}
