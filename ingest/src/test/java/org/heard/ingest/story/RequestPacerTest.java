package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heard.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final RequestPacer pacer = new RequestPacer(clock, 5, clock::advance);

    @Test
    void startsNoMoreThanFiveRequestsInAnySecond() throws InterruptedException {
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            pacer.awaitTurn();
            starts.add(clock.instant());
        }

        for (int i = 0; i + 5 < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i), starts.get(i + 5)))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(Duration.between(starts.getFirst(), starts.getLast())).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void startsNothingBeforeAnAnnouncedReset() throws InterruptedException {
        pacer.awaitTurn();
        Instant reset = clock.instant().plusSeconds(3);

        pacer.holdUntil(reset);
        pacer.awaitTurn();

        assertThat(clock.instant()).isEqualTo(reset);
    }

    @Test
    void anEarlierHoldDoesNotShortenALaterOne() throws InterruptedException {
        Instant reset = clock.instant().plusSeconds(3);
        pacer.holdUntil(reset);
        pacer.holdUntil(clock.instant().plusSeconds(1));

        pacer.awaitTurn();

        assertThat(clock.instant()).isEqualTo(reset);
    }
}
