package org.heard.desk.retriage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a re-triage job feeds triage.
 *
 * @param pageSize mentions read from the index and published at a time
 * @param inFlight at most this many requests published and not yet done: keeps the re-triage
 *     topic short, so a cancel takes effect soon and the job's progress means something
 * @param pointInTime how long the index view a job walks is kept between two pages
 */
@ConfigurationProperties("heard.retriage")
public record RetriageSettings(
        @DefaultValue("200") int pageSize,
        @DefaultValue("1000") int inFlight,
        @DefaultValue("10m") Duration pointInTime) {

    public RetriageSettings {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("heard.retriage.page-size must be between 1 and 10000");
        }
        if (inFlight < pageSize) {
            throw new IllegalArgumentException("heard.retriage.in-flight must be at least heard.retriage.page-size");
        }
        if (pointInTime == null || pointInTime.toSeconds() < 10) {
            throw new IllegalArgumentException("heard.retriage.point-in-time must be at least 10s");
        }
    }
}
