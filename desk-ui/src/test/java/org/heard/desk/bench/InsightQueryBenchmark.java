package org.heard.desk.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.desk.insight.DrillDown;
import org.heard.desk.insight.InsightFilter;
import org.heard.desk.insight.ResponseInsight;
import org.heard.desk.mentions.DeskScope;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionIndexSchema;
import org.heard.mentions.MentionResponse;
import org.heard.mentions.MentionStatus;
import org.heard.mentions.TestMentionIndex;
import org.heard.platform.embedded.ElasticsearchClients;
import org.heard.platform.embedded.EmbeddedElasticsearch;
import org.heard.platform.testing.TestElasticsearch;

/**
 * The dashboard's queries with many mentions: the inbox benchmark's synthetic mentions (same seed,
 * same loader), answered as a desk would have answered them — replied and closed ones with a first
 * reply up to three days later, some replies sent despite a copy-paste or deflection warning, a few
 * changes — then times each query set as {@link ResponseInsight} runs it. Elasticsearch's request
 * cache is switched off for the index: on a live desk every refresh (each second) empties it, so a
 * cached answer would flatter the figures. Prints p50/p95.
 *
 * <p>Run: {@code bash desk-ui/src/test/bench/insight-benchmark.sh [mentions] [heap]} (defaults 1000000, 2g).
 */
public final class InsightQueryBenchmark {

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
            InboxQueryBenchmark.load(client, mentions, InsightQueryBenchmark::answered);
            System.out.printf("Loaded %,d mentions in %.0f s%n", mentions, (System.nanoTime() - started) / 1e9);
            client.indices()
                    .forcemerge(merge -> merge.index(MentionIndexSchema.ALIAS).maxNumSegments(5L));
            client.indices()
                    .putSettings(s -> s.index(MentionIndexSchema.ALIAS)
                            .withJson(new java.io.StringReader("{\"index\": {\"requests.cache.enable\": false}}")));

            var insight = new ResponseInsight(client, null);
            var everything = new DeskScope(null);
            var manager = new DeskScope(Set.of("ward-7", "ward-8", "maternity"));
            var today = LocalDate.now(ZoneOffset.UTC);
            var year = InsightFilter.lastDays(today, 365);
            var quarter = InsightFilter.lastDays(today, 90);
            var narrow = new InsightFilter(quarter.from(), quarter.to(), "maternity", Channel.TWITTER);
            int warmUps = 5;
            int runs = 60;
            // The page: the headline and the weekly trend side by side; a first visit searches every week,
            // later ones only the weeks not kept (the current week and a partial first week).
            InboxQueryBenchmark.report(
                    "page: everything, 365 days, first visit (no week kept)",
                    2,
                    20,
                    () -> (long) new ResponseInsight(client, null)
                            .dashboard(everything, year)
                            .size());
            InboxQueryBenchmark.report("page: everything, 365 days, closed weeks kept", warmUps, runs, () ->
                    (long) insight.dashboard(everything, year).size());
            InboxQueryBenchmark.report("page: everything, 90 days, closed weeks kept", warmUps, runs, () ->
                    (long) insight.dashboard(everything, quarter).size());
            InboxQueryBenchmark.report(
                    "page: manager scope (3 services), 90 days, closed weeks kept", warmUps, runs, () ->
                            (long) insight.dashboard(manager, quarter).size());
            InboxQueryBenchmark.report(
                    "page: one service + one channel, 90 days, closed weeks kept", warmUps, runs, () ->
                            (long) insight.dashboard(everything, narrow).size());
            InboxQueryBenchmark.report("on demand: sentiment by service and week, 365 days", 2, 20, () ->
                    (long) insight.sentimentByServiceAndWeek(everything, year).size());
            InboxQueryBenchmark.report("every figure (the figures CSV), 365 days, closed weeks kept", 2, 20, () ->
                    (long) insight.figures(everything, year).size());
            var slowest = new DrillDown(null, "ward-7", null, DrillDown.Subset.REPLIED, null);
            InboxQueryBenchmark.report(
                    "drill-down: ward-7 answered, slowest first, page of 200",
                    warmUps,
                    runs,
                    () -> insight.drillDown(everything, year, slowest, 0, 200).total());
            var immediate = new DrillDown(null, null, null, DrillDown.Subset.OPEN, "immediate");
            InboxQueryBenchmark.report(
                    "drill-down: open immediate, page of 200",
                    warmUps,
                    runs,
                    () -> insight.drillDown(everything, year, immediate, 0, 200).total());
            var copies = new DrillDown(null, null, null, DrillDown.Subset.COPY_PASTE, null);
            InboxQueryBenchmark.report(
                    "drill-down CSV: copy-paste, 10,000 rows",
                    2,
                    20,
                    () -> insight.drillDown(everything, year, copies, 0, ResponseInsight.DRILL_DOWN_LIMIT)
                            .total());
            client.close();
        } finally {
            TestElasticsearch.deleteRecursively(data);
        }
    }

    /** The inbox benchmark's mention, with how it was answered. */
    static MentionDocument answered(int i, Random random, Instant now) {
        var mention = InboxQueryBenchmark.synthetic(i, random, now);
        boolean replied = mention.status() == MentionStatus.REPLIED || mention.status() == MentionStatus.CLOSED;
        int roll = random.nextInt(100);
        if (!replied) {
            return mention;
        }
        var replyId = "bench-reply-" + i;
        var sentAt = mention.publishedAt().plusSeconds(60 + random.nextInt(3 * 24 * 3600));
        var warnings = roll < 10
                ? Set.of(MentionResponse.COPY_PASTE)
                : roll < 15 ? Set.of(MentionResponse.DEFLECTION) : Set.<String>of();
        var change =
                roll % 50 == 0 ? MentionResponse.Change.MADE : roll % 33 == 0 ? MentionResponse.Change.PLANNED : null;
        var response = new MentionResponse(
                sentAt,
                sentAt.getEpochSecond() - mention.publishedAt().getEpochSecond(),
                1,
                List.of(replyId),
                warnings,
                warnings.contains(MentionResponse.COPY_PASTE) ? List.of(replyId) : List.of(),
                warnings.contains(MentionResponse.DEFLECTION) ? List.of(replyId) : List.of(),
                change,
                change == null ? null : sentAt,
                change == null ? null : "bench");
        return new MentionDocument(
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                mention.account(),
                mention.externalId(),
                mention.inReplyToExternalId(),
                mention.author(),
                mention.subject(),
                mention.text(),
                mention.publishedAt(),
                mention.receivedAt(),
                mention.serviceHints(),
                mention.flags(),
                mention.attributes(),
                mention.sentiment(),
                mention.services(),
                mention.urgency(),
                mention.urgencyRank(),
                mention.personalData(),
                mention.model(),
                mention.triagedAt(),
                mention.status(),
                mention.assignee(),
                mention.updatedAt(),
                response);
    }

    private InsightQueryBenchmark() {}
}
