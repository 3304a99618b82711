package org.heard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the contracts keeps its exact name on Kafka and in the index: written as it always
 * was, read back as itself. The expected names are the wire format, written out on purpose.
 */
class WireEnumTest {

    @Test
    void eachContractEnumKeepsItsWireNames() {
        assertWireNames(Channel.class, "email", "twitter", "story", "walk-in", "phone", "letter");
        assertWireNames(Sentiment.Label.class, "negative", "neutral", "positive");
        assertWireNames(Urgency.Level.class, "immediate", "high", "normal");
        assertWireNames(ServiceTag.Signal.class, "hint", "term", "learned", "similarity");
        assertWireNames(PersonalData.Type.class, "nhs-number", "phone", "email", "postcode", "date-of-birth", "person");
    }

    @Test
    void enumsOutsideTheRuleKeepTheirConstantNames() {
        assertThat(DeskJson.writeString(MentionFlag.DIRECT_MESSAGE)).isEqualTo("\"DIRECT_MESSAGE\"");
        assertThat(DeskJson.mapper().readValue("\"AUTO_REPLY\"", MentionFlag.class))
                .isEqualTo(MentionFlag.AUTO_REPLY);
        assertThat(DeskJson.writeString(ChannelStatusReported.ConnectorState.RATE_LIMITED))
                .isEqualTo("\"RATE_LIMITED\"");
    }

    @Test
    void aWholeEventCarriesTheWireNames() {
        var at = Instant.parse("2026-11-01T09:00:00Z");
        var mention = new MentionReceived(
                null,
                Channel.WALK_IN,
                "desk",
                "w-1",
                null,
                null,
                null,
                null,
                "Kind nurses",
                at,
                at,
                List.of(),
                Set.of(MentionFlag.DIRECT_MESSAGE),
                Map.of());
        var tags = new MentionTriaged(
                mention.mentionId(),
                mention.conversationId(),
                Channel.WALK_IN,
                new Sentiment(Sentiment.Label.POSITIVE, 0.8, List.of("Kind nurses")),
                List.of(new ServiceTag("ward-7", 0.9, List.of("nurses"), ServiceTag.Signal.TERM)),
                new Urgency(Urgency.Level.HIGH, List.of()),
                List.of(new PersonalData(PersonalData.Type.NHS_NUMBER, 0, 4)),
                "m",
                at,
                List.of(new ScoredSentence(0, 11, Sentiment.Label.POSITIVE, 0.8)));

        String mentionJson = DeskJson.writeString(mention);
        String tagsJson = DeskJson.writeString(tags);

        assertThat(mentionJson).contains("\"channel\":\"walk-in\"").contains("\"flags\":[\"DIRECT_MESSAGE\"]");
        assertThat(tagsJson)
                .contains("\"label\":\"positive\"")
                .contains("\"signal\":\"term\"")
                .contains("\"level\":\"high\"")
                .contains("\"type\":\"nhs-number\"");
        assertThat(DeskJson.read(mentionJson.getBytes(), MentionReceived.class)).isEqualTo(mention);
        assertThat(DeskJson.read(tagsJson.getBytes(), MentionTriaged.class)).isEqualTo(tags);
    }

    @Test
    void readsAWireNameOrAConstantNameInAnyCase() {
        assertThat(Channel.fromWire("walk-in")).isEqualTo(Channel.WALK_IN);
        assertThat(Channel.fromWire("WALK_IN")).isEqualTo(Channel.WALK_IN);
        assertThat(Sentiment.Label.fromWire("Negative")).isEqualTo(Sentiment.Label.NEGATIVE);
        assertThat(DeskJson.mapper().readValue("\"NEGATIVE\"", Sentiment.Label.class))
                .isEqualTo(Sentiment.Label.NEGATIVE);
    }

    @Test
    void anUnknownNameSaysWhatItMayBe() {
        assertThatThrownBy(() -> Sentiment.Label.fromWire("furious"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown sentiment label: furious (one of negative, neutral, positive)");
        assertThatThrownBy(() -> Channel.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeskJson.read("{\"label\":\"furious\",\"score\":0}".getBytes(), Sentiment.class))
                .isInstanceOf(DeskJson.UnreadableRecord.class);
    }

    /** Written by DeskJson (Kafka, the index) as these names, in order, and read back as the same constants. */
    static <E extends Enum<E> & WireEnum> void assertWireNames(Class<E> type, String... names) {
        var constants = type.getEnumConstants();
        assertThat(Arrays.stream(constants).map(WireEnum::wire).toList())
                .as(type.getName())
                .containsExactly(names);
        for (E constant : constants) {
            String json = DeskJson.writeString(constant);
            assertThat(json).isEqualTo("\"" + constant.wire() + "\"");
            assertThat(DeskJson.mapper().readValue(json, type)).isEqualTo(constant);
            assertThat(WireEnum.parse(type, constant.wire())).isEqualTo(constant);
        }
    }
}
