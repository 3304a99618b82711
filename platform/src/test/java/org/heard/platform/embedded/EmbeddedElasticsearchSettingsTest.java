package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.heard.platform.embedded.EmbeddedElasticsearch.Settings;
import org.junit.jupiter.api.Test;

class EmbeddedElasticsearchSettingsTest {

    @Test
    void defaultsToASmallLoopbackNodeOnAFreePortWithTheDistributionNextToTheData() {
        Settings settings = Settings.in(Path.of("/var/lib/heard/elasticsearch"));

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.httpPort()).isZero();
        assertThat(settings.heap()).isEqualTo("512m");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.runAsUser()).isEqualTo("nobody");
        assertThat(settings.distributionDirectory()).isEqualTo(Path.of("/var/lib/heard/elasticsearch-dist"));
    }

    @Test
    void changesOneSettingAtATime() {
        Settings settings = Settings.in(Path.of("/data/es"))
                .withHttpPort(9201)
                .withHeap("1g")
                .withRunAsUser("heard");

        assertThat(settings.httpPort()).isEqualTo(9201);
        assertThat(settings.heap()).isEqualTo("1g");
        assertThat(settings.runAsUser()).isEqualTo("heard");
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/data/es"));
    }

    @Test
    void refusesSettingsTheNodeCouldNotStartWith() {
        Settings settings = Settings.in(Path.of("/data/es"));

        assertThatThrownBy(() -> settings.withHeap("half a gig")).hasMessageContaining("heap");
        assertThatThrownBy(() -> settings.withHttpPort(70000)).hasMessageContaining("httpPort");
        assertThatThrownBy(() -> settings.withStartTimeout(Duration.ZERO)).hasMessageContaining("startTimeout");
        assertThatThrownBy(() -> settings.withRunAsUser(" ")).hasMessageContaining("runAsUser");
        assertThatThrownBy(() -> settings.withHost("")).hasMessageContaining("host");
    }
}
