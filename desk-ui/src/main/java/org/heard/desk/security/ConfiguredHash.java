package org.heard.desk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A hash configured directly or, for Kubernetes secrets, in a file: the direct one wins. */
final class ConfiguredHash {

    private ConfiguredHash() {}

    /** @return the hash, stripped; empty when neither is given */
    static String of(String given, Path file, String whose) {
        if ((given == null || given.isBlank()) && file != null) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the hash of " + whose + " from " + file, e);
            }
        }
        return given == null ? "" : given.strip();
    }
}
