package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class EmbeddedElasticsearchPropertiesTest {

    @Test
    void startsANodeUnderDataWithNothingConfigured() {
        EmbeddedElasticsearch.Settings settings = bind(Map.of()).toSettings();

        assertThat(settings.dataDirectory()).isEqualTo(Path.of("data/elasticsearch").toAbsolutePath());
        assertThat(settings.distributionDirectory()).isEqualTo(Path.of("data/elasticsearch-dist").toAbsolutePath());
        assertThat(settings.httpPort()).isZero();
        assertThat(settings.heap()).isEqualTo("512m");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.runAsUser()).isEqualTo("nobody");
    }

    @Test
    void takesEverySettingFromItsProperty() {
        EmbeddedElasticsearch.Settings settings = bind(Map.of(
                "heard.embedded.elasticsearch.data-dir", "/var/lib/heard/es",
                "heard.embedded.elasticsearch.distribution-dir", "/opt/heard/es-dist",
                "heard.embedded.elasticsearch.http-port", "9201",
                "heard.embedded.elasticsearch.heap", "1g",
                "heard.embedded.elasticsearch.start-timeout", "5m",
                "heard.embedded.elasticsearch.run-as-user", "heard")).toSettings();

        assertThat(settings).isEqualTo(new EmbeddedElasticsearch.Settings(Path.of("/var/lib/heard/es"),
                Path.of("/opt/heard/es-dist"), "127.0.0.1", 9201, "1g", Duration.ofMinutes(5), "heard"));
    }

    @Test
    void stopsTheApplicationOnAValueTheNodeCouldNotStartWith() {
        assertThatThrownBy(() -> bind(Map.of("heard.embedded.elasticsearch.heap", "lots")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("heap must look like 512m");
    }

    private static EmbeddedElasticsearchProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("heard.embedded.elasticsearch", EmbeddedElasticsearchProperties.class);
    }
}
