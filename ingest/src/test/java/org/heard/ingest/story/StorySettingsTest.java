package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorySettingsTest {

    private static final URI API = URI.create("https://www.careopinion.org.uk/api/v2");

    private static StorySettings settings(
            String key, Path keyFile, int pageSize, double rate, Map<String, String> filters) {
        return new StorySettings(
                true,
                "st-marys",
                API,
                URI.create("https://www.careopinion.org.uk/"),
                key,
                keyFile,
                Duration.ofMinutes(2),
                pageSize,
                rate,
                Duration.ofSeconds(30),
                3,
                filters,
                null,
                Duration.ofDays(14),
                null,
                Duration.ofMinutes(30),
                Duration.ofHours(48),
                0.8,
                null);
    }

    @Test
    void refusesPagesLargerThanTheApiAllows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("k", null, 101, 5, null))
                .withMessageContaining("heard.channel.story.page-size");
    }

    @Test
    void refusesToAskFasterThanTheRateLimit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("k", null, 100, 6, null))
                .withMessageContaining("heard.channel.story.requests-per-second");
    }

    @Test
    void refusesFiltersThatWouldBreakPaging() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings("k", null, 100, 5, Map.of("skip", "10")))
                .withMessageContaining("filters.skip");
    }

    @Test
    void readsTheKeyFromAFileWhenTheEnvironmentHasNone(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("care-opinion-key"), "from-file-key\n");

        assertThat(settings(null, file, 100, 5, null).key()).hasValue("from-file-key");
        assertThat(settings("from-env", file, 100, 5, null).key()).hasValue("from-env");
        assertThat(settings(null, dir.resolve("missing"), 100, 5, null).key()).isEmpty();
    }

    @Test
    void neverShowsTheKey() {
        StorySettings settings = settings("secret-key-123", null, 100, 5, null);

        assertThat(settings.toString()).doesNotContain("secret-key-123").contains("subscriptionKey=(set)");
    }

    @Test
    void endsTheApiRootWithASlashSoPathsResolveUnderIt() {
        assertThat(settings("k", null, 100, 5, null).baseUrl().resolve("opinions"))
                .isEqualTo(URI.create("https://www.careopinion.org.uk/api/v2/opinions"));
    }
}
