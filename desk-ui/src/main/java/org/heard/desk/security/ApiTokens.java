package org.heard.desk.security;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API tokens: 32 random bytes, base64url, with a {@code heard_} prefix so a leaked token is easy to
 * recognise in a secret scanner. Heard keeps only the SHA-256 of a token; a token has full entropy,
 * so a plain fast hash is enough (unlike a password, it cannot be guessed from a dictionary).
 *
 * <p>{@code java -jar heard.jar api-token <name>} prints a new token and the settings to configure.
 */
public final class ApiTokens {

    public static final String COMMAND = "api-token";
    static final String PREFIX = "heard_";
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private ApiTokens() {}

    static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the token's UTF-8 bytes, as 64 lower-case hex digits ({@code printf %s "$TOKEN" | sha256sum}). */
    static String hash(String token) {
        return HexFormat.of().formatHex(digest(token));
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The offline command: prints a new token for the named integration and its settings. */
    public static int command(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !NAME.matcher(args[1]).matches()) {
            err.println("Usage: java -jar heard.jar " + COMMAND + " <name>");
            err.println(
                    "  <name>: the integration, lower case letters, digits, '.', '_' or '-' (e.g. incident-system)");
            return 2;
        }
        String name = args[1];
        String token = generate(new SecureRandom());
        out.println("# A new API token for '" + name
                + "'. Give the token to the integration now: Heard keeps only its hash.");
        out.println("token: " + token);
        out.println();
        out.println("# Configure the integration (N is its place in the list; see deploy/configuration.md):");
        out.println("heard.api.clients[N].name=" + name);
        out.println("heard.api.clients[N].token-hash=" + hash(token));
        out.println("heard.api.clients[N].role=MANAGER");
        out.println("heard.api.clients[N].services=<service ids>");
        return 0;
    }
}
