package org.heard.desk.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log's settings, {@code heard.audit}.
 *
 * @param retention how long entries are kept (8 years: see the package description)
 * @param buffer how many entries may wait in memory while Elasticsearch is away
 * @param instance this desk instance's name in each entry; blank takes the host name
 */
@ConfigurationProperties("heard.audit")
public record AuditSettings(@DefaultValue("8y") Period retention, @DefaultValue("10000") int buffer, String instance) {

    public AuditSettings {
        retention = retention == null ? Period.ofYears(8) : retention;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("heard.audit.retention must be positive, e.g. 8y");
        }
        if (buffer < 1) {
            throw new IllegalArgumentException("heard.audit.buffer must be at least 1");
        }
    }
}
