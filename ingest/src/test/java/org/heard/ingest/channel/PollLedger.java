package org.heard.ingest.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.heard.contracts.Channel;

/**
 * Records who polled which account when, across several lease holders in one test, to check that
 * no account is ever polled by two holders at once.
 */
final class PollLedger {

    record Poll(String account, String holder, long from, long to) {}

    private final List<Poll> polls = new ArrayList<>();
    private final Map<String, Set<String>> running = new HashMap<>();

    /** A real periodic poller whose every poll is written down; each poll takes a little while, like a fetch. */
    AccountPoller poller(String holder, String account, ScheduledExecutorService scheduler) {
        var channelAccount = new ChannelAccount(Channel.EMAIL, account);
        var periodic = new PeriodicPoller(channelAccount, scheduler, java.time.Duration.ofMillis(20), () -> {
            long from = System.nanoTime();
            work();
            record(new Poll(channelAccount.key(), holder, from, System.nanoTime()));
        });
        return new AccountPoller() {
            @Override
            public ChannelAccount account() {
                return channelAccount;
            }

            @Override
            public void start() {
                synchronized (PollLedger.this) {
                    running.computeIfAbsent(channelAccount.key(), key -> new HashSet<>())
                            .add(holder);
                }
                periodic.start();
            }

            @Override
            public void stop() {
                periodic.stop();
                synchronized (PollLedger.this) {
                    running.getOrDefault(channelAccount.key(), new HashSet<>()).remove(holder);
                }
            }
        };
    }

    private static void work() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void record(Poll poll) {
        polls.add(poll);
    }

    /** Who runs a poller for the account now (after start, before stop returned). */
    synchronized Set<String> holdersOf(String accountKey) {
        return Set.copyOf(running.getOrDefault(accountKey, Set.of()));
    }

    synchronized long pollsBy(String holder) {
        return polls.stream().filter(poll -> poll.holder().equals(holder)).count();
    }

    synchronized long pollsOf(String accountKey, String holder) {
        return polls.stream()
                .filter(poll ->
                        poll.account().equals(accountKey) && poll.holder().equals(holder))
                .count();
    }

    /** Polls of one account by different holders whose times overlap. */
    synchronized List<String> overlaps() {
        var found = new ArrayList<String>();
        var byAccount = new HashMap<String, List<Poll>>();
        polls.forEach(poll -> byAccount
                .computeIfAbsent(poll.account(), key -> new ArrayList<>())
                .add(poll));
        for (var account : byAccount.values()) {
            account.sort(Comparator.comparingLong(Poll::from));
            for (int i = 1; i < account.size(); i++) {
                var before = account.get(i - 1);
                var after = account.get(i);
                if (after.from() < before.to()) {
                    found.add(before + " overlaps " + after);
                }
            }
        }
        return found;
    }

    synchronized int size() {
        return polls.size();
    }
}
