package org.heard.platform.embedded;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Kafka logs every configuration value and every partition change at INFO. Heard uses Logback (through
 * Spring Boot), so rather than shipping a logging file that would fight the application's, the Kafka
 * loggers are set to WARN here, unless someone configured a level for them (e.g.
 * {@code logging.level.kafka=INFO}), which is kept.
 */
final class KafkaLogLevels {

    private static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private KafkaLogLevels() {}

    static void quietenUnlessConfigured() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Checked by name so that running without Logback never loads its classes.
        if (factory.getClass().getName().equals(LOGBACK)) {
            Logback.quieten(factory);
        }
    }

    private static final class Logback {
        static void quieten(ILoggerFactory factory) {
            LoggerContext context = (LoggerContext) factory;
            for (String name : KAFKA_LOGGERS) {
                ch.qos.logback.classic.Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARN);
                }
            }
        }
    }
}
