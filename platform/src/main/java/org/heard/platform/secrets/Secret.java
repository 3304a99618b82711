package org.heard.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential, read from where it lives when it is needed, and never shown: {@link #toString()}
 * says where it is, not what it is. Two ways to name one, the only two Heard accepts:
 *
 * <ul>
 *   <li>a reference, {@code env:NAME} or {@code file:/path} ({@link #Secret(String)}), for settings
 *       that hold a credential's place rather than its value;
 *   <li>a setting pair {@code <name>} / {@code <name>-file} ({@link #givenOrFile}), where the value
 *       comes in through an environment placeholder ({@code ${HEARD_MAIL_PASSWORD}}) or a mounted
 *       secret file; setting both is refused.
 * </ul>
 *
 * A literal value written into a settings file is refused where a reference is expected: settings
 * files get copied, pasted and logged, the environment and secret files do not.
 */
public final class Secret {

    private enum Kind {
        ENVIRONMENT,
        FILE,
        GIVEN
    }

    private final Kind kind;
    /** The variable's name, the file's path, or the setting a value was given in. */
    private final String where;

    private final String given;

    /** A reference, {@code env:NAME} or {@code file:/path}; anything else is refused. */
    public Secret(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("A secret reference must not be blank");
        }
        String stripped = reference.strip();
        if (stripped.startsWith("env:") && stripped.length() > "env:".length()) {
            this.kind = Kind.ENVIRONMENT;
            this.where = stripped.substring("env:".length());
        } else if (stripped.startsWith("file:") && stripped.length() > "file:".length()) {
            this.kind = Kind.FILE;
            this.where = stripped.substring("file:".length());
        } else {
            throw new IllegalArgumentException(
                    "Secrets are read from the environment or a file: write env:NAME or file:/path, not the value itself");
        }
        this.given = null;
    }

    private Secret(Kind kind, String where, String given) {
        this.kind = kind;
        this.where = where;
        this.given = given;
    }

    /** A secret in a file (a mounted secret, say). */
    public static Secret inFile(Path file) {
        return new Secret(Kind.FILE, Objects.requireNonNull(file, "file").toString(), null);
    }

    /**
     * The secret of a setting pair: {@code value} as given (through an environment placeholder), or
     * the content of {@code file}; empty when neither is set.
     *
     * @param setting the setting's name, for messages: {@code heard.channel.email.mailboxes[0].password}
     * @throws IllegalArgumentException when both are set
     */
    public static Optional<Secret> givenOrFile(String value, Path file, String setting) {
        boolean hasValue = value != null && !value.isBlank();
        if (hasValue && file != null) {
            throw new IllegalArgumentException(setting + ": set it or " + setting + "-file, not both");
        }
        if (hasValue) {
            return Optional.of(new Secret(Kind.GIVEN, setting, value.strip()));
        }
        return file == null ? Optional.empty() : Optional.of(inFile(file));
    }

    /** The value, from this process's environment or the file; never logged. */
    public String read() {
        return read(System.getenv());
    }

    /**
     * The value, looking environment references up in {@code environment}.
     *
     * @throws Missing when it is not there, saying where it was looked for (never the value)
     */
    public String read(Map<String, String> environment) {
        return switch (kind) {
            case GIVEN -> given;
            case ENVIRONMENT -> {
                String value = environment.get(where);
                if (value == null || value.isBlank()) {
                    throw new Missing("environment variable " + where + " is not set");
                }
                yield value.strip();
            }
            case FILE -> {
                Path path = Path.of(where);
                try {
                    String value =
                            Files.readString(path, StandardCharsets.UTF_8).strip();
                    if (value.isEmpty()) {
                        throw new Missing("secret file " + path + " is empty");
                    }
                    yield value;
                } catch (IOException | UncheckedIOException e) {
                    throw new Missing("secret file " + path + " cannot be read ("
                            + e.getClass().getSimpleName() + ")");
                }
            }
        };
    }

    /** The file it is read from, if it is read from a file. */
    public Optional<Path> file() {
        return kind == Kind.FILE ? Optional.of(Path.of(where)) : Optional.empty();
    }

    /** Where it lives, fit for a log or an error: {@code env:NAME}, {@code file:/path} or the setting it was given in. */
    public String reference() {
        return switch (kind) {
            case ENVIRONMENT -> "env:" + where;
            case FILE -> "file:" + where;
            case GIVEN -> "given in " + where;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && kind == that.kind
                && where.equals(that.where)
                && Objects.equals(given, that.given);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, where);
    }

    @Override
    public String toString() {
        return "Secret[" + reference() + "]";
    }

    /** A secret whose value is not where it was said to be; the message says where it was looked for. */
    public static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }
}
