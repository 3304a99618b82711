package org.heard.desk.audit;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings, {@code heard.audit}.
 *
 * @param retention how long entries are kept (8 years: see the package description)
 * @param timeout how long an access waits for Kafka to take its audit entry before it is refused
 * @param instance this desk instance's name in each entry; blank takes the host name
 */
@ConfigurationProperties("heard.audit")
public record AuditSettings(
        @DefaultValue("8y") Period retention,
        @DefaultValue("5s") Duration timeout,
        String instance) {

    public AuditSettings {
        retention = retention == null ? Period.ofYears(8) : retention;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("heard.audit.retention must be positive, e.g. 8y");
        }
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("heard.audit.timeout must be positive, e.g. 5s");
        }
    }
}
