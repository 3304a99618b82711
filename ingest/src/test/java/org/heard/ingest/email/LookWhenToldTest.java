package org.heard.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class LookWhenToldTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final LookWhenTold look = new LookWhenTold(Duration.ofSeconds(2), now::get);

    /** One tick of the poller: whether it looked, and what the look found. */
    private boolean tick(boolean found) {
        boolean looked = look.beforeReceive(null);
        if (looked) {
            look.afterReceive(found ? MessageBuilder.withPayload("batch").build() : null, null);
        }
        now.addAndGet(LookWhenTold.TICK.toNanos());
        return looked;
    }

    private void tickUntilNothingIsWaiting() {
        while (tick(false)) {
            // the first look, which finds nothing
        }
    }

    @Test
    void looksAtTheFirstTickAsAPollerDoesAtItsStart() {
        assertThat(tick(false)).isTrue();
    }

    @Test
    void aTickWithoutWordOfMailLeavesTheMailboxAlone() {
        tickUntilNothingIsWaiting();

        assertThat(tick(false)).isFalse();
        assertThat(tick(false)).isFalse();
    }

    @Test
    void looksAtTheNextTickOnceToldMailArrived() {
        tickUntilNothingIsWaiting();

        look.arrived();

        assertThat(tick(true)).isTrue();
    }

    @Test
    void keepsLookingWhileLooksHandOverBatchesThenStops() {
        tickUntilNothingIsWaiting();
        look.arrived();

        assertThat(tick(true)).isTrue();
        assertThat(tick(true)).isTrue();
        assertThat(tick(false)).as("the look that found nothing more").isTrue();
        assertThat(tick(false)).isFalse();
    }

    @Test
    void mailToldOfWhileALookRunsIsLookedForAgain() {
        tickUntilNothingIsWaiting();
        look.arrived();

        assertThat(look.beforeReceive(null)).isTrue();
        look.arrived(); // arrives after the look's search began
        look.afterReceive(null, null);

        assertThat(tick(false)).isTrue();
    }

    @Test
    void looksEveryPollIntervalWithoutWordBecauseWordMayBeLost() {
        tickUntilNothingIsWaiting();

        int ticks = 0;
        while (!tick(false)) {
            ticks++;
        }

        long interval = Duration.ofSeconds(2).toNanos() / LookWhenTold.TICK.toNanos();
        assertThat(ticks).isBetween((int) interval - 2, (int) interval);
    }

    @Test
    void aLookThatFailsWaitsForWordOrTheIntervalInsteadOfRetryingEachTick() {
        assertThat(look.beforeReceive(null)).isTrue();
        // the look threw (the server went away): afterReceive is never called
        now.addAndGet(LookWhenTold.TICK.toNanos());

        assertThat(tick(false)).isFalse();
    }
}
