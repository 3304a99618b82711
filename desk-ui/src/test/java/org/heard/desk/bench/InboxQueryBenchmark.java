package org.heard.desk.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.embedded.EmbeddedElasticsearch;
import org.heard.platform.testing.TestElasticsearch;

/**
 * Inbox query latency with many mentions: starts a node of its own, bulk-loads synthetic mentions
 * into the real mentions index (template and alias as in production), then times the inbox's
 * default view (everything in scope, most urgent and longest waiting first, one page) and a
 * filtered full-text search, through {@link MentionSearch} as the desk calls it. Prints p50/p95.
 *
 * <p>Run: {@code bash desk-ui/src/test/bench/inbox-benchmark.sh [mentions] [heap]} (defaults 1000000, 2g).
 */
public final class InboxQueryBenchmark {

    private static final String[] WORDS =
            ("waited hours pain relief nurse doctor ward kind rude lovely appointment cancelled "
                            + "parking food clean dirty discharge medication thank you staff reception phone letter scan results "
                            + "midwife baby surgery theatre porter bed night noise visiting family wheelchair")
                    .split(" ");
    private static final String[] SERVICES = {
        "emergency-department",
        "ward-7",
        "ward-8",
        "maternity",
        "stroke-unit",
        "outpatients",
        "radiology",
        "pharmacy",
        "cardiology",
        "paediatrics"
    };

    public static void main(String[] args) throws Exception {
        int mentions = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String heap = args.length > 1 ? args[1] : "2g";
        Path data = TestElasticsearch.temporaryDataDirectory("heard-bench-");
        try (EmbeddedElasticsearch node = EmbeddedElasticsearch.launch(
                        TestElasticsearch.settingsIn(data).withHeap(heap))
                .awaitReady()) {
            ElasticsearchClient client = ElasticsearchClients.create(node.uri(), node.username(), node.password());
            var index = new TestMentionIndex(client);
            index.schema().ensureExists();
            long started = System.nanoTime();
            load(client, mentions);
            System.out.printf("Loaded %,d mentions in %.0f s%n", mentions, (System.nanoTime() - started) / 1e9);

            var scope = Set.of("ward-7", "ward-8", "maternity");
            var defaultView = MentionQuery.everything();
            var filtered = new MentionQuery(
                    "pain relief nurse",
                    Set.of(Channel.TWITTER, Channel.EMAIL),
                    null,
                    Set.of(Sentiment.Label.NEGATIVE),
                    null,
                    Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS),
                    null,
                    Instant.now().minus(180, ChronoUnit.DAYS),
                    null,
                    null);
            report(
                    "default view (all, first page of 50)",
                    () -> index.search().search(defaultView, 0, 50).total());
            report(
                    "default view, manager scope (3 services)",
                    () -> index.search()
                            .search(defaultView.within(scope), 0, 50)
                            .total());
            report(
                    "filtered text search (words + channel + sentiment + status + 180 days)",
                    () -> index.search().search(filtered, 0, 50).total());
            report(
                    "view count (Immediate, open)",
                    () -> index.search()
                            .count(new MentionQuery(
                                    null,
                                    null,
                                    null,
                                    null,
                                    Set.of(Urgency.Level.IMMEDIATE),
                                    Set.of(MentionStatus.NEW, MentionStatus.IN_PROGRESS),
                                    null,
                                    null,
                                    null,
                                    null)));
            client.close();
        } finally {
            TestElasticsearch.deleteRecursively(data);
        }
    }

    static void load(ElasticsearchClient client, int count) throws Exception {
        load(client, count, InboxQueryBenchmark::synthetic);
    }

    /** Bulk-loads {@code count} mentions made by {@code synthetic} (same seed: the same mentions every run). */
    static void load(ElasticsearchClient client, int count, Synthetic synthetic) throws Exception {
        client.indices()
                .putSettings(
                        s -> s.index(MentionIndexSchema.ALIAS).settings(i -> i.refreshInterval(t -> t.time("-1"))));
        var random = new Random(42);
        var now = Instant.now();
        int batch = 5_000;
        for (int done = 0; done < count; done += batch) {
            var operations = new ArrayList<BulkOperation>(batch);
            for (int i = done; i < Math.min(count, done + batch); i++) {
                var document = synthetic.mention(i, random, now);
                operations.add(BulkOperation.of(op -> op.index(idx -> idx.index(MentionIndexSchema.ALIAS)
                        .id(document.mentionId())
                        .document(document))));
            }
            var response = client.bulk(bulk -> bulk.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("Bulk load refused documents: "
                        + response.items().stream()
                                .filter(item -> item.error() != null)
                                .findFirst()
                                .map(item -> item.error().reason())
                                .orElse("?"));
            }
            if ((done / batch) % 20 == 0) {
                System.out.printf("  %,d loaded%n", done + operations.size());
            }
        }
        client.indices()
                .putSettings(
                        s -> s.index(MentionIndexSchema.ALIAS).settings(i -> i.refreshInterval(t -> t.time("1s"))));
        client.indices().refresh(r -> r.index(MentionIndexSchema.ALIAS));
    }

    /** Makes the i-th synthetic mention. */
    interface Synthetic {
        MentionDocument mention(int i, Random random, Instant now);
    }

    static MentionDocument synthetic(int i, Random random, Instant now) {
        var words = new StringBuilder();
        for (int w = 0; w < 12 + random.nextInt(30); w++) {
            words.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        var channel = Channel.values()[random.nextInt(Channel.values().length)];
        var urgency = random.nextInt(100) < 2
                ? Urgency.Level.IMMEDIATE
                : random.nextInt(100) < 10 ? Urgency.Level.HIGH : Urgency.Level.NORMAL;
        var sentiment = Sentiment.Label.values()[random.nextInt(3)];
        var published = now.minusSeconds(random.nextInt(365 * 24 * 3600));
        var status = MentionStatus.values()[random.nextInt(MentionStatus.values().length)];
        return new MentionDocument(
                "bench-" + i,
                "bench-conversation-" + (i / 2),
                channel,
                "bench",
                "x" + i,
                null,
                new Author("a" + random.nextInt(100_000), null, "Patient " + random.nextInt(100_000)),
                null,
                words.toString().strip(),
                published,
                published,
                List.of(),
                Set.of(),
                Map.of(),
                new Sentiment(sentiment, sentiment == Sentiment.Label.NEGATIVE ? -0.6 : 0.4, List.of()),
                List.of(new ServiceTag(SERVICES[random.nextInt(SERVICES.length)], 0.8, List.of())),
                new Urgency(urgency, List.of()),
                urgency.rank(),
                List.of(),
                "bench",
                published,
                status,
                random.nextBoolean() ? null : "user" + random.nextInt(20),
                published,
                null);
    }

    static void report(String name, Supplier<Long> query) {
        report(name, 20, 200, query);
    }

    /** Times {@code runs} calls after {@code warmUps} untimed ones; prints p50 and p95. */
    static void report(String name, int warmUps, int runs, Supplier<Long> query) {
        for (int i = 0; i < warmUps; i++) {
            query.get();
        }
        long[] nanos = new long[runs];
        long total = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            total = query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%-75s hits=%,9d  p50=%6.1f ms  p95=%6.1f ms  (%d runs)%n",
                name, total, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, runs);
    }

    private InboxQueryBenchmark() {}
}
