package org.heard.desk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.heard.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2029-01-07T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginSettings(3, 5, Duration.ofMinutes(15)), clock);

    @Test
    void locksAUsernameAfterTooManyFailuresFromAnywhereUntilTheLockoutEnds() {
        throttle.failed("sam", "10.0.0.1");
        throttle.failed("sam", "10.0.0.2");
        assertThat(throttle.locked("sam", "10.0.0.3")).isEmpty();

        throttle.failed("Sam", "10.0.0.3");

        var lock = throttle.locked("sam", "10.0.0.4");
        assertThat(lock).hasValueSatisfying(it -> {
            assertThat(it.until()).isEqualTo(Instant.parse("2029-01-07T09:15:00Z"));
            assertThat(it.message(clock)).contains("locked").contains("Try again in 15 minutes");
        });
        assertThat(throttle.locked("wendy", "10.0.0.4")).as("others go on").isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.locked("sam", "10.0.0.4")).isEmpty();
    }

    @Test
    void locksAnAddressThatTriesManyUsernamesOrTokens() {
        for (String name : new String[] {"a", "b", "c", "d"}) {
            throttle.failed(name, "192.0.2.7");
        }
        assertThat(throttle.locked("e", "192.0.2.7")).isEmpty();

        throttle.failed(null, "192.0.2.7"); // an unknown API token

        assertThat(throttle.locked("sam", "192.0.2.7")).isPresent();
        assertThat(throttle.locked(null, "192.0.2.7")).isPresent();
        assertThat(throttle.locked("sam", "192.0.2.8")).isEmpty();
    }

    @Test
    void aSuccessfulLoginClearsTheUsernamesFailuresAndOldFailuresAreForgotten() {
        throttle.failed("sam", "10.0.0.1");
        throttle.failed("sam", "10.0.0.1");
        throttle.succeeded("sam");
        throttle.failed("sam", "10.0.0.1");
        throttle.failed("sam", "10.0.0.1");
        assertThat(throttle.locked("sam", null)).isEmpty();

        clock.advance(Duration.ofMinutes(16));
        throttle.failed("sam", "10.0.0.1");
        assertThat(throttle.locked("sam", null))
                .as("the earlier two are outside the window")
                .isEmpty();
    }

    @Test
    void refusedAttemptsAreAuditedAtMostOnceAMinuteWithHowManyWereRefused() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("sam", "10.0.0.1");
        }

        assertThat(throttle.locked("sam", null).orElseThrow().audit()).isTrue();
        assertThat(throttle.locked("sam", null).orElseThrow().audit()).isFalse();
        assertThat(throttle.locked("sam", null).orElseThrow().audit()).isFalse();
        clock.advance(Duration.ofMinutes(1));
        var next = throttle.locked("sam", null).orElseThrow();
        assertThat(next.audit()).isTrue();
        assertThat(next.refusedSinceAudit()).isEqualTo(3);
    }
}
