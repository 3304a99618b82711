package org.heard.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;

/** An inbox's page and its tabs' counts come back from one search, each count as {@link MentionSearch#count} gives it. */
class SearchCountingIT {

    @Test
    void countsEachNamedQueryOverTheWholeIndexBesideThePage() {
        new MentionIndexSchema(TestElasticsearch.client()).ensureExists();
        var index = new MentionSearch(TestElasticsearch.client());
        var writer = new TagWriter(TestElasticsearch.client());
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        writer.upsertAll(List.of(
                mention(word, "ward-7", Urgency.Level.IMMEDIATE),
                mention(word, "ward-7", Urgency.Level.NORMAL),
                mention(word, "maternity", Urgency.Level.NORMAL)));
        var immediate =
                new MentionQuery(word, null, null, null, Set.of(Urgency.Level.IMMEDIATE), null, null, null, null, null);
        var maternity = new MentionQuery(word, null, Set.of("maternity"), null, null, null, null, null, null, null);
        var wardSevenOnly = MentionQuery.everything().withWords(word).within(Set.of("ward-7"));

        var counted = index.searchCounting(wardSevenOnly, 0, 1, Map.of("immediate", immediate, "maternity", maternity));

        assertThat(counted.page().total()).isEqualTo(2);
        assertThat(counted.page().mentions()).hasSize(1);
        assertThat(counted.page().mentions().getFirst().urgency().level()).isEqualTo(Urgency.Level.IMMEDIATE);
        assertThat(counted.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("immediate", 1L, "maternity", 1L));
        assertThat(counted.counts().get("maternity")).isEqualTo(index.count(maternity));
    }

    private static MentionDocument mention(String word, String service, Urgency.Level level) {
        var at = Instant.now();
        var received = new MentionReceived(
                null,
                Channel.TWITTER,
                "@trust",
                word + "-" + UUID.randomUUID(),
                null,
                null,
                new Author("1", "@p", "P"),
                null,
                "About " + service + " " + word,
                at,
                at,
                List.of(service),
                Set.of(),
                Map.of());
        var triaged = new MentionTriaged(
                received.mentionId(),
                received.conversationId(),
                Channel.TWITTER,
                new Sentiment(Sentiment.Label.NEUTRAL, 0, List.of()),
                List.of(new ServiceTag(service, 0.9, List.of(service))),
                new Urgency(level, List.of()),
                List.of(),
                "test",
                at);
        return MentionDocument.of(received, triaged);
    }
}
