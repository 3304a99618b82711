package org.heard.desk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoalescedTest {

    private static final long MS = 1_000_000;

    @Test
    void theFirstChangeRefreshesAtOnceAndChangesUntilItStartsRideAlong() {
        var gate = new Coalesced(Duration.ofSeconds(1));

        assertThat(gate.changed(0)).hasValue(0);
        assertThat(gate.changed(5 * MS)).isEmpty();
        assertThat(gate.changed(9 * MS)).isEmpty();
    }

    @Test
    void aChangeAfterARefreshWaitsUntilASecondHasPassedSinceItStarted() {
        var gate = new Coalesced(Duration.ofSeconds(1));
        gate.changed(0);
        gate.starting(10 * MS);

        assertThat(gate.changed(300 * MS)).hasValue(710 * MS);
        gate.starting(1010 * MS);
        assertThat(gate.changed(2500 * MS)).hasValue(0);
    }

    @Test
    void fiftyMentionsASecondForAMinuteRefreshAViewAtMostOnceASecond() {
        var gate = new Coalesced(Duration.ofSeconds(1));
        long due = -1;
        int refreshes = 0;
        for (long now = 0; now < 60_000 * MS; now += 20 * MS) {
            if (due >= 0 && now >= due) {
                gate.starting(now);
                refreshes++;
                due = -1;
            }
            var delay = gate.changed(now);
            if (delay.isPresent()) {
                due = now + delay.getAsLong();
            }
        }

        assertThat(refreshes).isBetween(59, 61);
    }
}
