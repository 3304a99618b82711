package org.heard.ingest.story;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Channel settings for tests: the defaults of {@code heard.channel.story}, pointed at a given site. */
final class TestSettings {

    private final URI baseUrl;
    private String key = FakeCareOpinion.KEY;
    private boolean enabled = true;
    private Map<String, String> nacsServices = Map.of();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 3;
    private Instant startFrom;

    private TestSettings(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    static TestSettings forSite(URI baseUrl) {
        return new TestSettings(baseUrl);
    }

    TestSettings key(String key) {
        this.key = key;
        return this;
    }

    TestSettings disabled() {
        this.enabled = false;
        return this;
    }

    TestSettings nacsServices(Map<String, String> mapping) {
        this.nacsServices = mapping;
        return this;
    }

    TestSettings requestTimeout(Duration timeout, int retries) {
        this.requestTimeout = timeout;
        this.maxRetries = retries;
        return this;
    }

    TestSettings startFrom(Instant instant) {
        this.startFrom = instant;
        return this;
    }

    StorySettings build() {
        return new StorySettings(
                enabled,
                "careopinion",
                baseUrl,
                URI.create("https://www.careopinion.org.uk/"),
                key,
                null,
                Duration.ofMinutes(2),
                100,
                5,
                requestTimeout,
                maxRetries,
                Map.of(),
                startFrom,
                Duration.ofDays(14),
                nacsServices,
                Duration.ofMinutes(30),
                Duration.ofHours(48),
                0.8,
                null);
    }
}
