package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaSettingsTest {

    private static final Path DATA = Path.of("data/kafka");

    @Test
    void listensOnLoopbackOnFreePortsByDefault() {
        EmbeddedKafka.Settings settings = EmbeddedKafka.Settings.in(DATA);

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isZero();
        assertThat(settings.controllerPort()).isZero();
        assertThat(settings.brokerProperties()).isEmpty();
    }

    @Test
    void addsBrokerPropertiesWithTheLaterValueWinning() {
        EmbeddedKafka.Settings settings = EmbeddedKafka.Settings.in(DATA)
                .withBrokerProperty("num.partitions", "6")
                .withBrokerProperties(Map.of("num.partitions", "12", "log.segment.bytes", "1048576"));

        assertThat(settings.brokerProperties())
                .containsOnly(Map.entry("num.partitions", "12"), Map.entry("log.segment.bytes", "1048576"));
    }

    @Test
    void keepsItsOwnCopyOfTheBrokerProperties() {
        Map<String, String> given = new HashMap<>(Map.of("num.partitions", "6"));
        EmbeddedKafka.Settings settings = new EmbeddedKafka.Settings(DATA, "127.0.0.1", 0, 0, given);

        given.put("num.partitions", "1");

        assertThat(settings.brokerProperties()).containsEntry("num.partitions", "6");
    }

    @Test
    void rejectsPortsOutsideTheValidRange() {
        assertThatThrownBy(() -> EmbeddedKafka.Settings.in(DATA).withPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 0 (any free port) or 1-65535, not 70000");
        assertThatThrownBy(() -> EmbeddedKafka.Settings.in(DATA).withControllerPort(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controllerPort");
    }

    @Test
    void rejectsTheSamePortForClientsAndController() {
        assertThatThrownBy(() -> EmbeddedKafka.Settings.in(DATA).withPort(9092).withControllerPort(9092))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must differ");
    }

    @Test
    void rejectsABlankHost() {
        assertThatThrownBy(() -> EmbeddedKafka.Settings.in(DATA).withHost(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
