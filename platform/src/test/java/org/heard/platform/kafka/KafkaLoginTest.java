package org.heard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaLoginTest {

    @TempDir
    Path secrets;

    @Test
    void signsInWithScramOverTlsUnlessToldOtherwise() {
        var properties = new KafkaLogin("heard-desk", "s3cret", null, null).clientProperties(null);

        assertThat(properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"heard-desk\" password=\"s3cret\";");
        assertThat(new KafkaLogin("heard-desk", "s3cret", null, null).clientProperties("SASL_PLAINTEXT"))
                .as("a configured protocol is left alone")
                .doesNotContainKey("security.protocol");
    }

    @Test
    void readsThePasswordFromAFileAndQuotesWhatWouldBreakTheJaasLine() throws Exception {
        Path file = Files.writeString(secrets.resolve("kafka-password"), "a\"b\\c\n");

        var properties = new KafkaLogin("heard-ingest", null, file, "PLAIN").clientProperties("SASL_SSL");

        assertThat(properties.get("sasl.jaas.config"))
                .isEqualTo(
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"heard-ingest\" password=\"a\\\"b\\\\c\";");
    }

    @Test
    void refusesAUsernameWithoutAPasswordAndNeverShowsThePassword() {
        assertThatThrownBy(() -> new KafkaLogin("heard-triage", null, null, null).clientProperties(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs password or password-file");
        assertThat(new KafkaLogin("heard-triage", "s3cret", null, null).toString())
                .doesNotContain("s3cret");
        assertThatThrownBy(() -> new KafkaLogin("x", "y", null, "GSSAPI")).isInstanceOf(IllegalArgumentException.class);
    }
}
