package org.heard.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

class DistributionIT {

    @Test
    void unpacksOnceWhenTwoStartsRaceForTheSameDirectory() throws Exception {
        Path directory = TestElasticsearch.temporaryDataDirectory("heard-es-dist-");
        try {
            CountDownLatch bothReady = new CountDownLatch(2);
            List<CompletableFuture<Path>> racers = Stream.generate(() -> CompletableFuture.supplyAsync(
                            () -> {
                                bothReady.countDown();
                                try {
                                    bothReady.await();
                                    return Distribution.unpackInto(directory);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                            },
                            runnable -> Thread.ofPlatform().start(runnable)))
                    .limit(2)
                    .toList();

            Path first = racers.get(0).join();
            Path second = racers.get(1).join();

            assertThat(first).isEqualTo(second).isEqualTo(directory.resolve("elasticsearch-9.2.8"));
            try (Stream<Path> entries = Files.list(directory)) {
                assertThat(entries).as("no half-unpacked leftovers").containsExactly(first);
            }
            assertThat(Files.isExecutable(first.resolve("bin/elasticsearch"))).isTrue();
            assertThat(Files.isRegularFile(first.resolve("lib/elasticsearch-9.2.8.jar")))
                    .isTrue();
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(first.resolve("config/jvm.options"))))
                    .isEqualTo("rw-r--r--");
        } finally {
            TestElasticsearch.deleteRecursively(directory);
        }
    }

    @Test
    void reusesAnUnpackedDistribution() throws Exception {
        Path home = Distribution.unpackInto(TestElasticsearch.DISTRIBUTION_CACHE);
        Path marker = Files.writeString(home.resolve(".heard-reuse-check"), "still here");
        try {
            assertThat(Distribution.unpackInto(TestElasticsearch.DISTRIBUTION_CACHE))
                    .isEqualTo(home);
            assertThat(marker).exists();
        } finally {
            Files.deleteIfExists(marker);
        }
    }
}
