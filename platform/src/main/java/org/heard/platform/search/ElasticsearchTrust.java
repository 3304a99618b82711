package org.heard.platform.search;

import co.elastic.clients.transport.TransportUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which certificate authority an external Elasticsearch cluster's {@code https://} certificates are
 * checked against, {@code heard.elasticsearch.tls}: a CA certificate file (ECK's
 * {@code <cluster>-es-http-certs-public} secret, or {@code config/certs/http_ca.crt}), or the CA's
 * SHA-256 fingerprint as Elasticsearch prints it on first start. Neither: the JVM's trust store,
 * which is right for a publicly signed certificate.
 *
 * @param caCertificate a PEM file with the CA certificate
 * @param caFingerprint the CA certificate's SHA-256 fingerprint, hex, colons allowed
 */
@ConfigurationProperties("heard.elasticsearch.tls")
public record ElasticsearchTrust(Path caCertificate, String caFingerprint) {

    public ElasticsearchTrust {
        caFingerprint = caFingerprint == null || caFingerprint.isBlank()
                ? null
                : caFingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (caCertificate != null && caFingerprint != null) {
            throw new IllegalArgumentException(
                    "heard.elasticsearch.tls: set ca-certificate or ca-fingerprint, not both");
        }
        if (caFingerprint != null && (caFingerprint.length() != 64 || !isHex(caFingerprint))) {
            throw new IllegalArgumentException(
                    "heard.elasticsearch.tls.ca-fingerprint must be a SHA-256 fingerprint: 64 hex digits");
        }
        if (caCertificate != null && !Files.isReadable(caCertificate)) {
            throw new IllegalArgumentException("heard.elasticsearch.tls.ca-certificate: cannot read " + caCertificate);
        }
    }

    /** The TLS context to reach the cluster with, or null for the JVM's default trust. */
    public SSLContext sslContext() {
        if (caFingerprint != null) {
            return TransportUtils.sslContextFromCaFingerprint(caFingerprint);
        }
        if (caCertificate != null) {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(caCertificate.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Elasticsearch CA certificate " + caCertificate, e);
            }
        }
        return null;
    }

    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
