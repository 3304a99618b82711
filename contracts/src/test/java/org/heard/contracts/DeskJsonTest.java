package org.heard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeskJsonTest {

    static final Instant SENT = Instant.parse("2026-11-21T09:15:30.123Z");

    static MentionReceived tweet() {
        return new MentionReceived(
                null,
                Channel.TWITTER,
                "@StMaryTrust",
                "1790000000000000001",
                null,
                null,
                new Author("42", "@pat", "Pat"),
                null,
                "My dad has been on a trolley in A&E for 14 hours",
                SENT,
                SENT.plusSeconds(3),
                List.of("emergency-department"),
                Set.of(MentionFlag.DIRECT_MESSAGE),
                Map.of("lang", "en"));
    }

    @Test
    void roundTripsEveryEventThroughTheSealedType() {
        var mention = tweet();
        var responder = new Responder("sam", "Sam Patel", "Patient Experience Lead");
        var replyId = ReplyId.random();
        List<DeskEvent> events = List.of(
                mention,
                new MentionTriaged(
                        mention.mentionId(),
                        mention.conversationId(),
                        Channel.TWITTER,
                        new Sentiment(Sentiment.Label.NEGATIVE, -0.8, List.of("on a trolley")),
                        List.of(new ServiceTag("emergency-department", 0.9, List.of("A&E"))),
                        new Urgency(Urgency.Level.HIGH, List.of("on a trolley for 14 hours")),
                        List.of(new PersonalData(PersonalData.Type.PERSON, 0, 3)),
                        "test-model",
                        SENT.plusSeconds(4)),
                new ReplyRequested(
                        replyId,
                        mention.mentionId(),
                        mention.conversationId(),
                        Channel.TWITTER,
                        "@StMaryTrust",
                        responder,
                        "I'm so sorry, Pat. I'm Sam...",
                        true,
                        SENT.plusSeconds(60)),
                new ReplySent(
                        replyId,
                        mention.mentionId(),
                        mention.conversationId(),
                        Channel.TWITTER,
                        "1790000000000000099",
                        SENT.plusSeconds(61)),
                new ReplyFailed(
                        replyId,
                        mention.mentionId(),
                        mention.conversationId(),
                        Channel.TWITTER,
                        "Rate limited until 09:30",
                        true,
                        SENT.plusSeconds(61)));

        for (DeskEvent event : events) {
            byte[] json = DeskJson.write(event);
            assertThat(DeskJson.read(json, DeskEvent.class)).isEqualTo(event);
            assertThat(DeskJson.read(json, event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void writesTheTypeTheSchemaVersionAndIsoInstants() {
        String json = DeskJson.writeString(tweet());

        assertThat(json)
                .contains("\"type\":\"MentionReceived\"")
                .contains("\"schemaVersion\":1")
                .contains("\"channel\":\"twitter\"")
                .contains("\"publishedAt\":\"2026-11-21T09:15:30.123Z\"")
                .doesNotContain("occurredAt");
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        String json =
                DeskJson.writeString(tweet()).replace("{\"type\"", "{\"addedInALaterVersion\":{\"x\":1},\"type\"");

        var read = DeskJson.read(json.getBytes(StandardCharsets.UTF_8), DeskEvent.class);

        assertThat(read).isEqualTo(tweet());
    }

    @Test
    void refusesAnEventFromANewerIncompatibleSchema() {
        String json = DeskJson.writeString(tweet()).replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> DeskJson.read(json.getBytes(StandardCharsets.UTF_8), DeskEvent.class))
                .isInstanceOf(DeskJson.UnreadableRecord.class)
                .hasMessageContaining("newer");
    }

    @Test
    void reportsBrokenJsonAsUnreadableNotAsACrash() {
        assertThatThrownBy(() -> DeskJson.read(
                        "{\"type\":\"MentionReceived\",".getBytes(StandardCharsets.UTF_8), DeskEvent.class))
                .isInstanceOf(DeskJson.UnreadableRecord.class);
        assertThatThrownBy(() -> DeskJson.read("[]".getBytes(StandardCharsets.UTF_8), DeskEvent.class))
                .isInstanceOf(DeskJson.UnreadableRecord.class);
        assertThatThrownBy(() -> DeskJson.read(
                        "{\"type\":\"MentionReceived\"}".getBytes(StandardCharsets.UTF_8), DeskEvent.class))
                .isInstanceOf(DeskJson.UnreadableRecord.class);
    }

    @Test
    void roundTripsADeadLetter() {
        var letter = DeadLettered.ofBytes(
                "dl-1",
                "email:feedback@trust.nhs.uk",
                "Malformed MIME: missing boundary",
                new byte[] {0, 1, 2},
                Map.of("uid", "17"),
                SENT);

        assertThat(letter.payloadEncoding()).isEqualTo("base64");
        assertThat(letter.payload()).isEqualTo("AAEC");
        assertThat(DeskJson.read(DeskJson.write(letter), DeadLettered.class)).isEqualTo(letter);
        assertThat(new String(DeskJson.write(letter), StandardCharsets.UTF_8)).doesNotContain("payloadBytes");
    }

    @Test
    void roundTripsARereadRequestMadeFromADeadLetter() {
        var letter = DeadLettered.ofBytes(
                "email:feedback@trust.nhs.uk:INBOX:1:7",
                "email:feedback@trust.nhs.uk",
                "malformed MIME",
                new byte[] {1, 2, 3},
                Map.of("uid", "7"),
                SENT);
        var request = RereadRequested.of(letter, "alex", SENT.plusSeconds(60));

        assertThat(DeskJson.read(DeskJson.write(request), RereadRequested.class))
                .isEqualTo(request);
        assertThat(Topics.REREAD_REQUESTS.keyOf(request)).isEqualTo("email:feedback@trust.nhs.uk");
        assertThat(request.asDeadLetter("still unreadable", SENT).payloadBytes())
                .containsExactly(1, 2, 3);
        assertThat(request.asDeadLetter("still unreadable", SENT).id()).isEqualTo(letter.id());
    }

    @Test
    void keepsADeadLettersPayloadAsTextOrBytes() {
        var text = DeadLettered.ofText("dl-2", "twitter:trust", "unexpected JSON", "{\"data\": [", Map.of(), SENT);
        var bytes = DeadLettered.ofBytes("dl-3", "reply-dispatch", "unreadable", null, Map.of(), SENT);

        assertThat(text.payloadEncoding()).isEqualTo(DeadLettered.TEXT);
        assertThat(new String(text.payloadBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"data\": [");
        assertThat(bytes.payloadEncoding()).isEqualTo(DeadLettered.BASE64);
        assertThat(bytes.payloadBytes()).isEmpty();
    }

    @Test
    void roundTripsAChannelStatusKeyedByChannelAndAccount() {
        var status = new ChannelStatusReported(
                Channel.TWITTER,
                "@StMaryTrust",
                ChannelStatusReported.ConnectorState.RATE_LIMITED,
                ChannelStatusReported.ConnectorState.HEALTHY,
                "X rate limit reached for mentions",
                SENT.minusSeconds(60),
                SENT.plusSeconds(600),
                SENT.plusSeconds(86_400 * 10),
                SENT,
                "ingest-1/4711");

        var read = DeskJson.read(DeskJson.write(status), ChannelStatusReported.class);

        assertThat(read).isEqualTo(status);
        assertThat(Topics.CHANNEL_STATUS.keyOf(read)).isEqualTo("twitter:@StMaryTrust");
        assertThat(Topics.compacted()).containsExactly(Topics.CHANNEL_STATUS);
        assertThat(read.sameStateAs(new ChannelStatusReported(
                        Channel.TWITTER,
                        "@StMaryTrust",
                        read.inbound(),
                        read.outbound(),
                        read.detail(),
                        read.lastSuccessfulFetch(),
                        read.rateLimitedUntil(),
                        read.tokenExpiresAt(),
                        SENT.plusSeconds(30),
                        "ingest-2/1")))
                .isTrue();
    }

    @Test
    void aChannelWithoutAnAccountIsKeyedWithADash() {
        var status = new ChannelStatusReported(
                Channel.STORY,
                null,
                ChannelStatusReported.ConnectorState.NOT_CONFIGURED,
                ChannelStatusReported.ConnectorState.NOT_CONFIGURED,
                "no key",
                null,
                null,
                null,
                SENT,
                "ingest-1");

        assertThat(status.key()).isEqualTo("story:-");
    }

    @Test
    void roundTripsAnAuditEntryKeyedByWhoDidIt() {
        var entry = new AccessAudited(
                "audit-1", "sam", "csv-exported", null, null, "mentions=email-1,email-2", SENT, "desk-1");

        var read = DeskJson.read(DeskJson.write(entry), AccessAudited.class);

        assertThat(read).isEqualTo(entry);
        assertThat(Topics.AUDIT.keyOf(read)).isEqualTo("sam");
        assertThat(Topics.all()).contains(Topics.AUDIT);
    }
}
