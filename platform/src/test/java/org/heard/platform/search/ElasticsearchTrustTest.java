package org.heard.platform.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ElasticsearchTrustTest {

    private static final String FINGERPRINT =
            "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90";

    @Test
    void usesTheJvmsTrustWhenNothingIsConfigured() {
        assertThat(new ElasticsearchTrust(null, " ").sslContext()).isNull();
    }

    @Test
    void acceptsTheFingerprintAsElasticsearchPrintsIt() {
        var trust = new ElasticsearchTrust(null, FINGERPRINT);

        assertThat(trust.caFingerprint()).hasSize(64).doesNotContain(":").isLowerCase();
        assertThat(trust.sslContext()).isNotNull();
    }

    @Test
    void refusesAFingerprintThatIsNotSha256() {
        assertThatThrownBy(() -> new ElasticsearchTrust(null, "a1:b2:c3")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> new ElasticsearchTrust(null, "z".repeat(64))).hasMessageContaining("64 hex digits");
    }

    @Test
    void refusesACertificateAndAFingerprintTogether() {
        assertThatThrownBy(() -> new ElasticsearchTrust(Path.of("/etc/hostname"), FINGERPRINT))
                .hasMessageContaining("not both");
    }

    @Test
    void saysWhichCertificateFileItCannotRead() {
        assertThatThrownBy(() -> new ElasticsearchTrust(Path.of("/nonexistent/http_ca.crt"), null))
                .hasMessageContaining("/nonexistent/http_ca.crt");
    }
}
