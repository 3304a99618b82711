package org.heard.desk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.UUID;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit log on the shared test Elasticsearch node. */
class AuditIT {

    private static AuditLog auditLog;

    @BeforeAll
    static void index() {
        auditLog = new AuditLog(TestElasticsearch.client());
        auditLog.ensureExists();
    }

    @Test
    void recordsWhoDidWhatToWhichMentionAndFindsItByPersonMentionAndDate() {
        var clock = new MutableClock(Instant.parse("2029-03-01T09:00:00Z"));
        String person = "p-" + UUID.randomUUID();
        String other = "o-" + UUID.randomUUID();
        String mention = "m-" + UUID.randomUUID();
        var trail = new AuditTrail(auditLog, clock, "desk-1", 100);
        trail.start();
        try {
            trail.record(person, AuditAction.CONVERSATION_OPENED, mention, "c-1", "");
            clock.advance(Duration.ofDays(1));
            trail.record(person, AuditAction.NOTE, mention, "c-1", "");
            trail.record(other, AuditAction.API_MENTION_READ, mention, "c-1", "");
            clock.advance(Duration.ofDays(1));
            trail.record(person, AuditAction.API_SEARCHED, null, null, "mentions=" + mention);
            await().atMost(Duration.ofSeconds(30)).until(() -> trail.state().written() == 4);
        } finally {
            trail.stop();
        }

        var byPerson = auditLog.search(new AuditQuery(person, null, null, null), 0, 10);
        assertThat(byPerson.total()).isEqualTo(3);
        assertThat(byPerson.entries()).extracting(AuditEntry::action)
                .containsExactly(AuditAction.API_SEARCHED, AuditAction.NOTE, AuditAction.CONVERSATION_OPENED);
        assertThat(byPerson.entries()).extracting(AuditEntry::instance).containsOnly("desk-1");

        assertThat(auditLog.search(new AuditQuery(null, mention, null, null), 0, 10).entries())
                .extracting(AuditEntry::actor).containsExactlyInAnyOrder(person, person, other);

        var secondDay = auditLog.search(new AuditQuery(person, null, Instant.parse("2029-03-02T00:00:00Z"),
                Instant.parse("2029-03-03T00:00:00Z")), 0, 10);
        assertThat(secondDay.entries()).extracting(AuditEntry::action).containsExactly(AuditAction.NOTE);
        assertThat(secondDay.entries().getFirst().at()).isEqualTo(Instant.parse("2029-03-02T09:00:00Z"));

        assertThat(auditLog.openedSince(mention, Instant.parse("2029-03-01T09:00:00Z"))).isTrue();
        assertThat(auditLog.openedSince(mention, Instant.parse("2029-03-01T09:00:01Z"))).isFalse();
    }

    @Test
    void retentionDeletesEntriesOlderThanTheRetentionPeriodAndKeepsTheRest() {
        var clock = new MutableClock(Instant.parse("2010-06-01T12:00:00Z"));
        String person = "r-" + UUID.randomUUID();
        var trail = new AuditTrail(auditLog, clock, "desk-1", 100);
        trail.start();
        try {
            trail.record(person, AuditAction.CONVERSATION_OPENED, "old", "c", "");
            clock.set(Instant.parse("2011-06-01T12:00:00Z"));
            trail.record(person, AuditAction.CONVERSATION_OPENED, "kept", "c", "");
            await().atMost(Duration.ofSeconds(30)).until(() -> trail.state().written() == 2);
        } finally {
            trail.stop();
        }
        clock.set(Instant.parse("2019-01-01T00:00:00Z"));
        var retention = new AuditRetention(auditLog, Period.ofYears(8), clock);

        assertThat(retention.cutoff()).isEqualTo(Instant.parse("2011-01-01T00:00:00Z"));
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(auditLog.search(new AuditQuery(person, null, null, null), 0, 10).entries())
                .extracting(AuditEntry::mentionId).containsExactly("kept");
    }

    @Test
    void whenElasticsearchIsAwayRecordingStillReturnsAndTheTrailReportsItKeepsTheEntries() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = new AuditLog(ElasticsearchClients.create(URI.create("http://127.0.0.1:" + closedPort), "nobody", "nothing"));
        var trail = new AuditTrail(unreachable, new MutableClock(Instant.parse("2029-01-01T00:00:00Z")), "desk-1", 2);
        trail.start();
        try {
            trail.record("sam", AuditAction.CONVERSATION_OPENED, "m-1", "c-1", "");
            await().atMost(Duration.ofSeconds(30)).until(() -> trail.state().failing());

            // The batch in flight is retried on its own; two more fit the buffer of 2, the third does not.
            trail.record("sam", AuditAction.CONVERSATION_OPENED, "m-2", "c-2", "");
            trail.record("sam", AuditAction.CONVERSATION_OPENED, "m-3", "c-3", "");
            trail.record("sam", AuditAction.CONVERSATION_OPENED, "m-4", "c-4", "");

            var state = trail.state();
            assertThat(state.written()).isZero();
            assertThat(state.waiting()).isEqualTo(3);
            assertThat(state.dropped()).isEqualTo(1);
            assertThat(state.lastError()).isNotBlank();
        } finally {
            trail.stop();
        }
    }
}
