package org.heard.cluster;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelAccount;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionSearch;

/**
 * Triage throughput with one and with two triage instances, and end-to-end latency (an email in
 * the mailbox -> tagged and searchable) while the ingest instance polling the mailbox crashes, on
 * the local cluster of {@link LocalCluster}. Prints figures; asserts nothing.
 *
 * <pre>
 * bash desk-ui/src/test/bench/cluster-benchmark.sh [mentions=2000] [nlp=false] [emails-per-second=10] [failover-seconds=60]
 * </pre>
 *
 * {@code nlp=false} runs triage on channel hints only (the light setting the cluster test uses);
 * {@code nlp=true} loads CoreNLP in each triage instance (about 1.5 GB of heap each).
 */
public final class ClusterScalingBenchmark {

    private static final long STARTED = System.nanoTime();

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        boolean nlp = args.length > 1 && Boolean.parseBoolean(args[1]);
        double perSecond = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int failoverSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        String triageHeap = nlp ? "1800m" : "512m";
        var results = new ArrayList<String>();

        try (var cluster = LocalCluster.start()) {
            progress("cluster up");
            var first = cluster.startHeard("triage-1", triageHeap, "triage", "--heard.triage.nlp=" + nlp)
                    .awaitStarted(Duration.ofMinutes(5));
            warmUp(cluster, "warm-1");
            double one = throughput(cluster, "one", mentions);
            results.add(
                    String.format("triage, 1 instance:  %6.1f mentions/s (%d mentions, nlp=%s)", one, mentions, nlp));

            var second = cluster.startHeard("triage-2", triageHeap, "triage", "--heard.triage.nlp=" + nlp)
                    .awaitStarted(Duration.ofMinutes(5));
            warmUp(cluster, "warm-2");
            double two = throughput(cluster, "two", mentions);
            results.add(
                    String.format("triage, 2 instances: %6.1f mentions/s (%d mentions, nlp=%s)", two, mentions, nlp));
            results.add(String.format(
                    "ratio 2/1:           %6.2f  (on %d cores shared with 3 brokers, 2 Elasticsearch nodes and the other JVMs)",
                    two / one, Runtime.getRuntime().availableProcessors()));
            second.close();
            progress("triage-2 stopped");

            var ingestA = cluster.startHeard("ingest-a", "512m", "ingest");
            var ingestB = cluster.startHeard("ingest-b", "512m", "ingest");
            ingestA.awaitStarted(Duration.ofMinutes(5));
            ingestB.awaitStarted(Duration.ofMinutes(5));
            results.addAll(failover(cluster, List.of(ingestA, ingestB), perSecond, failoverSeconds));
            ingestA.close();
            ingestB.close();
            first.close();
        }
        System.out.println();
        results.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * A batch through before timing, so models, JIT, connections, the group assignment and the
     * index are warm for both measurements alike.
     */
    private static void warmUp(LocalCluster cluster, String id) throws Exception {
        var batch = new ArrayList<MentionReceived>();
        for (int i = 0; i < 300; i++) {
            batch.add(mention(id + "-" + i));
        }
        cluster.publishAll(Topics.MENTIONS, batch);
        awaitIndexed(
                cluster.elasticsearch(),
                batch.stream().map(mention -> mention.mentionId().value()).toList(),
                Duration.ofMinutes(10));
        progress("warm: " + id);
    }

    private static double throughput(LocalCluster cluster, String run, int count) throws Exception {
        var ids = new ArrayList<String>();
        var batch = new ArrayList<MentionReceived>();
        for (int i = 0; i < count; i++) {
            var mention = mention(run + "-" + i);
            batch.add(mention);
            ids.add(mention.mentionId().value());
        }
        long start = System.nanoTime();
        cluster.publishAll(Topics.MENTIONS, batch);
        double publishing = (System.nanoTime() - start) / 1e9;
        awaitIndexed(cluster.elasticsearch(), ids, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        progress(String.format(
                "%s: %d mentions on Kafka in %.1f s, triaged and indexed %.1f s after the first was sent",
                run, count, publishing, seconds));
        return count / seconds;
    }

    /**
     * Emails at a steady pace for the given time; a third of the way in, the instance polling the
     * mailbox is killed. Latency is from delivery to the mailbox until triage indexed the mention.
     */
    private static List<String> failover(LocalCluster cluster, List<HeardProcess> ingest, double perSecond, int seconds)
            throws Exception {
        String key = new ChannelAccount(Channel.EMAIL, LocalCluster.MAILBOX).key();
        var index = new MentionSearch(cluster.elasticsearch());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        HeardProcess poller = null;
        while (poller == null && System.nanoTime() < deadline) {
            poller = ingest.stream()
                    .filter(instance -> instance.polls(key))
                    .findFirst()
                    .orElse(null);
            Thread.sleep(200);
        }
        if (poller == null) {
            throw new IllegalStateException("no ingest instance took the mailbox");
        }
        Map<String, Instant> deliveredAt = new ConcurrentHashMap<>();
        int emails = (int) (perSecond * seconds);
        long interval = (long) (1_000_000_000L / perSecond);
        long start = System.nanoTime();
        Instant killedAt = null;
        for (int i = 0; i < emails; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            if (i == emails / 3) {
                poller.kill();
                killedAt = Instant.now();
                progress(poller.name() + " killed");
            }
            String id = "failover-" + i;
            deliveredAt.put(
                    MentionId.of(Channel.EMAIL, "<" + id + "@" + LocalCluster.PATIENTS + ">")
                            .value(),
                    Instant.now());
            cluster.deliverEmail(id);
        }
        var latencies = new HashMap<String, Long>();
        long waitUntil = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (latencies.size() < deliveredAt.size() && System.nanoTime() < waitUntil) {
            for (var entry : deliveredAt.entrySet()) {
                if (!latencies.containsKey(entry.getKey())) {
                    index.find(entry.getKey())
                            .filter(found -> found.triagedAt() != null)
                            .ifPresent(found -> latencies.put(
                                    entry.getKey(),
                                    Duration.between(entry.getValue(), found.triagedAt())
                                            .toMillis()));
                }
            }
            Thread.sleep(500);
        }
        var kill = killedAt;
        long[] all =
                latencies.values().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] around = latencies.entrySet().stream()
                .filter(entry -> Math.abs(Duration.between(kill, deliveredAt.get(entry.getKey()))
                                .toSeconds())
                        <= 10)
                .mapToLong(Map.Entry::getValue)
                .sorted()
                .toArray();
        return List.of(
                String.format(
                        "failover: %d emails at %.0f/s over %d s, the polling ingest instance killed at %d s; %d of %d in the index",
                        emails, perSecond, seconds, seconds / 3, all.length, emails),
                String.format(
                        "end-to-end latency, whole run:          p50 %6d ms, p95 %6d ms, max %6d ms",
                        percentile(all, 50), percentile(all, 95), all.length == 0 ? -1 : all[all.length - 1]),
                String.format(
                        "end-to-end latency, +-10 s of the kill: p50 %6d ms, p95 %6d ms, max %6d ms (%d emails)",
                        percentile(around, 50),
                        percentile(around, 95),
                        around.length == 0 ? -1 : around[around.length - 1],
                        around.length));
    }

    private static void awaitIndexed(ElasticsearchClient client, List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long found = 0;
            for (int from = 0; from < ids.size(); from += 1000) {
                var chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
                found += client.count(count -> count.index(MentionIndexSchema.ALIAS)
                                .query(query -> query.ids(match -> match.values(chunk))))
                        .count();
            }
            if (found == ids.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not all of " + ids.size() + " mentions were indexed within " + timeout);
    }

    private static MentionReceived mention(String id) {
        var at = Instant.now();
        return new MentionReceived(
                null,
                Channel.EMAIL,
                LocalCluster.MAILBOX,
                "<" + id + "@bench.example.org>",
                null,
                null,
                new Author("patient-" + id + "@bench.example.org", null, "A Patient"),
                "Ward 7 last night",
                "My mum was on ward 7 last night. The nurses were kind but nobody came when she rang the bell for over an hour, "
                        + "and she was in pain. The discharge letter was wrong too. Please can someone look into this. ("
                        + id + ")",
                at,
                at,
                List.of(),
                Set.of(),
                Map.of());
    }

    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void progress(String what) {
        System.out.printf("%6.1f s: %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    private ClusterScalingBenchmark() {}
}
