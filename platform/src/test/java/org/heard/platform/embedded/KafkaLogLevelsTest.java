package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class KafkaLogLevelsTest {

    private static final List<String> NAMES = List.of("kafka", "org.apache.kafka", "state.change.logger");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> levelsBefore = new HashMap<>();

    @BeforeEach
    void forgetConfiguredLevels() {
        for (String name : NAMES) {
            Logger logger = context.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(null);
        }
    }

    @AfterEach
    void restoreLevels() {
        levelsBefore.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void setsKafkaLoggersToWarn() {
        KafkaLogLevels.quietenUnlessConfigured();

        assertThat(NAMES)
                .allSatisfy(
                        name -> assertThat(context.getLogger(name).getLevel()).isEqualTo(Level.WARN));
        assertThat(context.getLogger("kafka.server.BrokerServer").isInfoEnabled())
                .isFalse();
    }

    @Test
    void keepsALevelSomeoneConfigured() {
        context.getLogger("kafka").setLevel(Level.INFO);

        KafkaLogLevels.quietenUnlessConfigured();

        assertThat(context.getLogger("kafka").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
    }
}
