package org.heard.ingest.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.heard.contracts.Channel;
import org.heard.platform.testing.TestKafka;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two ingest instances sharing channel accounts through a real Kafka broker's group coordination:
 * every account is polled by exactly one of them, never by both at once, and moves to the other
 * within seconds when its holder leaves or crashes.
 */
class KafkaChannelLeasesIT {

    private static final Duration SESSION = Duration.ofSeconds(6);
    private static final List<String> ACCOUNTS = IntStream.rangeClosed(1, 16)
            .mapToObj(n -> "feedback" + n + "@trust.nhs.uk")
            .toList();

    private final PollLedger ledger = new PollLedger();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
    private final List<KafkaChannelLeases> holders = new ArrayList<>();
    private final String name = UUID.randomUUID().toString();

    @AfterEach
    void stopEverything() {
        holders.forEach(KafkaChannelLeases::close);
        scheduler.shutdownNow();
    }

    @Test
    void twoInstancesShareTheAccountsAndNeverPollOneAtTheSameTime() {
        var a = holder("a");
        var b = holder("b");

        awaitEveryAccountHeldByOneOf("a", "b");
        await().atMost(Duration.ofSeconds(10)).until(() -> ACCOUNTS.stream().allMatch(this::polledByItsHolder));

        assertThat(ledger.pollsBy("a")).isPositive();
        assertThat(ledger.pollsBy("b")).isPositive();
        assertThat(a.leases()).doesNotContainAnyElementsOf(b.leases());
        assertThat(ledger.overlaps()).isEmpty();
    }

    @Test
    void anInstanceThatLeavesHandsItsAccountsOverWithinSeconds() {
        var a = holder("a");
        holder("b");
        awaitEveryAccountHeldByOneOf("a", "b");

        long leaving = System.nanoTime();
        a.close();

        awaitEveryAccountHeldByOneOf("b");
        System.out.printf(
                "Channel leases: accounts moved %d ms after their holder left%n",
                (System.nanoTime() - leaving) / 1_000_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> ACCOUNTS.stream().allMatch(this::polledByItsHolder));
        assertThat(ledger.overlaps()).isEmpty();
    }

    @Test
    void aCrashedInstancesAccountsMoveAfterTheSessionTimeout() {
        var a = holder("a");
        holder("b");
        awaitEveryAccountHeldByOneOf("a", "b");
        var orphaned = ACCOUNTS.stream()
                .filter(account -> ledger.holdersOf(key(account)).contains("a"))
                .toList();
        assertThat(orphaned).isNotEmpty();

        long crash = System.nanoTime();
        a.crash();

        await().atMost(SESSION.multipliedBy(4))
                .until(() -> orphaned.stream()
                        .allMatch(account -> ledger.holdersOf(key(account)).equals(java.util.Set.of("b"))));
        System.out.printf(
                "Channel leases: accounts moved %d ms after their holder crashed%n",
                (System.nanoTime() - crash) / 1_000_000);
        awaitEveryAccountHeldByOneOf("b");
        assertThat(ledger.overlaps()).isEmpty();
    }

    private KafkaChannelLeases holder(String instance) {
        var settings = new ChannelLeaseSettings(
                ChannelLeaseSettings.Mode.KAFKA,
                "leases-" + name,
                12,
                "leases-" + name,
                SESSION,
                Duration.ofSeconds(1));
        var leases = new KafkaChannelLeases(
                settings, Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()), instance);
        holders.add(leases);
        ACCOUNTS.forEach(account -> leases.hold(ledger.poller(instance, account, scheduler)));
        return leases;
    }

    private void awaitEveryAccountHeldByOneOf(String... instances) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var seen = new java.util.HashSet<String>();
                    for (String account : ACCOUNTS) {
                        var holdersNow = ledger.holdersOf(key(account));
                        if (holdersNow.size() != 1) {
                            return false;
                        }
                        seen.addAll(holdersNow);
                    }
                    return seen.equals(java.util.Set.of(instances));
                });
    }

    private boolean polledByItsHolder(String account) {
        var holdersNow = ledger.holdersOf(key(account));
        return holdersNow.size() == 1
                && ledger.pollsOf(key(account), holdersNow.iterator().next()) > 0;
    }

    private static String key(String account) {
        return new ChannelAccount(Channel.EMAIL, account).key();
    }
}
