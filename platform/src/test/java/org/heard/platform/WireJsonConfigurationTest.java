package org.heard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.heard.contracts.Channel;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

class WireJsonConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(WireJsonConfiguration.class);

    @Test
    void theWebsJsonNamesEnumsAsKafkaAndTheIndexDo() {
        context.run(app -> {
            var json = app.getBean(JsonMapper.class);

            assertThat(json.writeValueAsString(Channel.WALK_IN)).isEqualTo("\"walk-in\"");
            assertThat(json.writeValueAsString(Urgency.Level.IMMEDIATE)).isEqualTo("\"immediate\"");
            assertThat(json.readValue("\"walk-in\"", Channel.class)).isEqualTo(Channel.WALK_IN);
            assertThat(json.writeValueAsString(MentionFlag.AUTO_REPLY)).isEqualTo("\"AUTO_REPLY\"");
        });
    }
}
