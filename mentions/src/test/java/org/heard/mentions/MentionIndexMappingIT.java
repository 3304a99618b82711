package org.heard.mentions;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.DeskJson;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.ScoredSentence;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.platform.testing.TestElasticsearch;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * An index made before the desk kept how mentions were answered gets the new fields when the
 * application starts: the template is {@code dynamic: strict}, so without them every reply recorded
 * on an old mention would be refused.
 */
class MentionIndexMappingIT {

    @Test
    void anIndexMadeFromAnOlderTemplateGetsTheResponseFieldsOnStart() throws Exception {
        ElasticsearchClient client = TestElasticsearch.client();
        anIndexAsTheOldTemplateMadeIt(client);
        var index = new TestMentionIndex(client);
        var old = new MentionDocument(
                "old-1",
                "c-old-1",
                Channel.EMAIL,
                "feedback",
                "x-old-1",
                null,
                null,
                null,
                "Made before the dashboards",
                Instant.parse("2025-01-06T09:00:00Z"),
                Instant.parse("2025-01-06T09:00:00Z"),
                List.of(),
                Set.of(),
                Map.of(),
                null,
                null,
                null,
                null,
                List.of(),
                "old",
                Instant.parse("2025-01-06T09:00:00Z"),
                null,
                null,
                null,
                null);
        assertThat(index.writer().upsertAll(List.of(old))).isEmpty();

        index.schema().ensureExists();
        var recorded = index.staff()
                .recordReply(
                        "old-1", "r-old-1", Instant.parse("2025-01-06T10:30:00Z"), Set.of(MentionResponse.DEFLECTION));

        assertThat(recorded).isEqualTo(StaffWrites.ReplyRecorded.COUNTED);
        var response = index.search().find("old-1").orElseThrow().response();
        assertThat(response.firstResponseSeconds()).isEqualTo(5400);
        assertThat(response.deflectionReplyIds()).containsExactly("r-old-1");
        var mapping = client.indices()
                .getMapping(get -> get.index(MentionIndexSchema.ALIAS))
                .get(MentionIndexSchema.FIRST_INDEX);
        assertThat(mapping.mappings().properties()).containsKey("response");
    }

    @Test
    void keepsSentenceScoresAndTheSignalBehindEachServiceTag() {
        var index = new TestMentionIndex(TestElasticsearch.client());
        index.schema().ensureExists();
        String text = "The nurses were kind. The waiting room on ward 5 was freezing.";
        var mention = new MentionReceived(
                MentionId.of(Channel.EMAIL, "sentences-1"),
                Channel.EMAIL,
                "feedback",
                "sentences-1",
                ConversationId.startedBy(Channel.EMAIL, "sentences-1"),
                null,
                null,
                "Ward 5",
                text,
                Instant.parse("2025-02-03T09:00:00Z"),
                Instant.parse("2025-02-03T09:00:01Z"),
                List.of(),
                Set.of(),
                Map.of());
        var tags = new MentionTriaged(
                mention.mentionId(),
                mention.conversationId(),
                Channel.EMAIL,
                new Sentiment(Sentiment.Label.NEGATIVE, -0.6, List.of("The waiting room on ward 5 was freezing.")),
                List.of(new ServiceTag("ward-5", 0.9, List.of("ward 5"), ServiceTag.Signal.TERM)),
                Urgency.normal(),
                List.of(),
                "test",
                Instant.parse("2025-02-03T09:00:02Z"),
                List.of(
                        new ScoredSentence(0, 21, Sentiment.Label.POSITIVE, 0.7),
                        new ScoredSentence(22, 62, Sentiment.Label.NEGATIVE, -0.8)));

        assertThat(index.writer().upsertAll(List.of(MentionDocument.of(mention, tags))))
                .isEmpty();

        var found = index.search().find(mention.mentionId().value()).orElseThrow();
        assertThat(found.sentences()).containsExactlyElementsOf(tags.sentences());
        assertThat(found.services()).extracting(ServiceTag::signal).containsExactly(ServiceTag.Signal.TERM);
        assertThat(text.substring(
                        found.sentences().get(1).start(),
                        found.sentences().get(1).end()))
                .isEqualTo("The waiting room on ward 5 was freezing.");
    }

    /** The first index behind the alias, with the current mapping less the fields added for the dashboards. */
    private static void anIndexAsTheOldTemplateMadeIt(ElasticsearchClient client) throws Exception {
        if (client.indices()
                .exists(exists -> exists.index(MentionIndexSchema.FIRST_INDEX))
                .value()) {
            client.indices().delete(delete -> delete.index(MentionIndexSchema.FIRST_INDEX));
        }
        if (client.indices()
                .existsIndexTemplate(exists -> exists.name(MentionIndexSchema.TEMPLATE))
                .value()) {
            client.indices().deleteIndexTemplate(delete -> delete.name(MentionIndexSchema.TEMPLATE));
        }
        ObjectNode template;
        try (InputStream json = MentionIndexSchema.class.getResourceAsStream("mentions-template.json")) {
            template = (ObjectNode) DeskJson.mapper().readTree(json);
        }
        var body = (ObjectNode) template.path("template");
        ((ObjectNode) body.path("mappings").path("properties")).remove("response");
        body.putObject("aliases").putObject(MentionIndexSchema.ALIAS).put("is_write_index", true);
        client.indices()
                .create(create ->
                        create.index(MentionIndexSchema.FIRST_INDEX).withJson(new StringReader(body.toString())));
    }
}
