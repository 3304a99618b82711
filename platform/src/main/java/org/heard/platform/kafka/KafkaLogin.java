package org.heard.platform.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account this instance signs in to an external Kafka with ({@code heard.kafka.login}): one per
 * role in a deployment, so the cluster's ACLs let each role do only its own part (only the desk
 * writes replies, for one). Turned into the clients' SASL settings, for every client Spring makes;
 * the password is given directly (from a secret store) or in a file, and never logged.
 *
 * @param mechanism the SASL mechanism: SCRAM-SHA-512 (Strimzi's and the compose setup's), SCRAM-SHA-256 or PLAIN
 */
@ConfigurationProperties("heard.kafka.login")
record KafkaLogin(
        String username,
        String password,
        Path passwordFile,
        @DefaultValue("SCRAM-SHA-512") String mechanism) {

    KafkaLogin {
        mechanism = mechanism == null || mechanism.isBlank() ? "SCRAM-SHA-512" : mechanism.strip();
        if (!mechanism.equals("SCRAM-SHA-512") && !mechanism.equals("SCRAM-SHA-256") && !mechanism.equals("PLAIN")) {
            throw new IllegalArgumentException(
                    "heard.kafka.login.mechanism: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN, not " + mechanism);
        }
    }

    boolean given() {
        return username != null && !username.isBlank();
    }

    /**
     * The client properties that sign in with it. Without a configured security protocol, SASL over
     * TLS: a password is never sent over plain TCP by default.
     */
    Map<String, String> clientProperties(String configuredProtocol) {
        String secret = password != null && !password.isBlank() ? password : readPasswordFile();
        if (secret.isEmpty()) {
            throw new IllegalStateException("heard.kafka.login: " + username + " needs password or password-file");
        }
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        Map<String, String> properties = new LinkedHashMap<>();
        if (configuredProtocol == null || configuredProtocol.isBlank()) {
            properties.put("security.protocol", "SASL_SSL");
        }
        properties.put("sasl.mechanism", mechanism);
        properties.put(
                "sasl.jaas.config",
                module + " required username=" + quoted(username.strip()) + " password=" + quoted(secret) + ";");
        return properties;
    }

    private String readPasswordFile() {
        if (passwordFile == null) {
            return "";
        }
        try {
            return Files.readString(passwordFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read heard.kafka.login.password-file " + passwordFile, e);
        }
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return "KafkaLogin[username=" + username + ", mechanism=" + mechanism + ", password=<hidden>]";
    }
}
