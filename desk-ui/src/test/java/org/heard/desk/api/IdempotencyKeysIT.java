package org.heard.desk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** Idempotency keys in a real Elasticsearch node: claimed once, answered again, released, forgotten after a day. */
class IdempotencyKeysIT {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    final IdempotencyKeys keys = new IdempotencyKeys(TestElasticsearch.client(), clock);
    final String key = UUID.randomUUID().toString();

    @Test
    void aKeyIsClaimedOnceThenAnswersWithWhatTheFirstRequestGot() {
        keys.ensureExists();
        var first = keys.claim("incident-desk", key, "hash-1");
        var whileInProgress = keys.claim("incident-desk", key, "hash-1");
        keys.complete((IdempotencyKeys.Claim.Claimed) first, "incident-desk", "hash-1", 202, Map.of("replyId", "r-1"));

        var retried = keys.claim("incident-desk", key, "hash-1");

        assertThat(first).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
        assertThat(whileInProgress).isInstanceOf(IdempotencyKeys.Claim.InProgress.class);
        assertThat(retried).isEqualTo(new IdempotencyKeys.Claim.Answered("hash-1", 202, Map.of("replyId", "r-1")));
        assertThat(keys.claim("another-client", key, "hash-1")).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
    }

    @Test
    void aReleasedKeyCanBeClaimedAgain() {
        keys.ensureExists();
        keys.release((IdempotencyKeys.Claim.Claimed) keys.claim("incident-desk", key, "hash-1"));

        assertThat(keys.claim("incident-desk", key, "hash-2")).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
    }

    @Test
    void keysAreForgottenAfterADayAndNotBefore() {
        keys.ensureExists();
        var old = keys.claim("incident-desk", key, "hash-1");
        keys.complete((IdempotencyKeys.Claim.Claimed) old, "incident-desk", "hash-1", 202, Map.of("replyId", "r-1"));
        clock.advance(Duration.ofHours(23));
        String recent = UUID.randomUUID().toString();
        keys.claim("incident-desk", recent, "hash-3");

        // Other tests' keys share this index (written at other times), so this test looks at its own keys only.
        keys.forgetExpired();
        assertThat(keys.claim("incident-desk", key, "hash-1")).isInstanceOf(IdempotencyKeys.Claim.Answered.class);

        clock.advance(Duration.ofHours(2));
        assertThat(keys.forgetExpired()).isPositive();

        assertThat(keys.claim("incident-desk", key, "hash-1")).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
        assertThat(keys.claim("incident-desk", recent, "hash-3")).isInstanceOf(IdempotencyKeys.Claim.InProgress.class);
    }
}
