package org.heard.desk.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.heard.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

class PresenceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    final List<PresenceBeat> announced = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    final Presence presence = new Presence(clock, "here", TIMEOUT, announced::add);

    {
        presence.subscribe(changes::add);
    }

    @Test
    void announcesArrivalDraftingAndLeavingOnceEach() {
        presence.viewing("m1", "v1", "sam", "Sam Patel");
        presence.viewing("m1", "v1", "sam", "Sam Patel");
        presence.drafting("m1", "v1", "sam", "Sam Patel", true);
        presence.left("m1", "v1");

        assertThat(announced)
                .extracting(PresenceBeat::state)
                .containsExactly(PresenceBeat.State.VIEWING, PresenceBeat.State.DRAFTING, PresenceBeat.State.LEFT);
        assertThat(changes).containsExactly("m1", "m1", "m1");
    }

    @Test
    void heartbeatRepeatsEveryOpenVisitInItsCurrentState() {
        presence.drafting("m1", "v1", "sam", "Sam Patel", true);
        presence.viewing("m2", "v2", "sam", "Sam Patel");
        announced.clear();

        presence.heartbeat();

        assertThat(announced)
                .extracting(beat -> beat.mentionId() + " " + beat.state())
                .containsExactlyInAnyOrder("m1 DRAFTING", "m2 VIEWING");
    }

    @Test
    void aVisitElsewhereIsShownUntilItsBeatsStopForTheTimeout() {
        presence.heard(beat("there", "v9", "m1", PresenceBeat.State.VIEWING, clock.instant()));
        assertThat(presence.othersOn("m1", "mine"))
                .extracting(Presence.Visitor::displayName)
                .containsExactly("Wendy Okafor");

        clock.advance(TIMEOUT.minusSeconds(1));
        presence.heard(beat("there", "v9", "m1", PresenceBeat.State.VIEWING, clock.instant()));
        clock.advance(TIMEOUT.minusSeconds(1));
        presence.expire();
        assertThat(presence.othersOn("m1", "mine")).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        presence.expire();
        assertThat(presence.othersOn("m1", "mine")).isEmpty();
        assertThat(changes).containsExactly("m1", "m1");
    }

    @Test
    void ignoresItsOwnBeatsAndBeatsOlderThanTheTimeout() {
        presence.heard(beat("here", "v1", "m1", PresenceBeat.State.VIEWING, clock.instant()));
        presence.heard(beat(
                "there", "v2", "m1", PresenceBeat.State.VIEWING, clock.instant().minus(TIMEOUT)));

        assertThat(presence.othersOn("m1", "mine")).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void aVisitElsewhereEndsWhenItsInstanceSaysItLeft() {
        presence.heard(beat("there", "v9", "m1", PresenceBeat.State.DRAFTING, clock.instant()));
        assertThat(presence.othersOn("m1", "mine"))
                .extracting(Presence.Visitor::drafting)
                .containsExactly(true);

        presence.heard(beat("there", "v9", "m1", PresenceBeat.State.LEFT, clock.instant()));

        assertThat(presence.othersOn("m1", "mine")).isEmpty();
    }

    @Test
    void aGracefulShutdownSaysEveryVisitHereLeft() {
        presence.viewing("m1", "v1", "sam", "Sam Patel");
        presence.viewing("m2", "v2", "alex", "Alex Admin");
        announced.clear();

        presence.departAll();

        assertThat(announced)
                .extracting(beat -> beat.visitId() + " " + beat.state())
                .containsExactlyInAnyOrder("v1 LEFT", "v2 LEFT");
    }

    private static PresenceBeat beat(
            String instance, String visitId, String mentionId, PresenceBeat.State state, Instant at) {
        return new PresenceBeat(instance, visitId, mentionId, "wendy", "Wendy Okafor", state, at);
    }
}
