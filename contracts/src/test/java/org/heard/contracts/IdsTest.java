package org.heard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void derivesTheSameMentionIdFromTheSameChannelMessage() {
        assertThat(MentionId.of(Channel.EMAIL, "<abc@mail.example>"))
                .isEqualTo(MentionId.of(Channel.EMAIL, "<abc@mail.example>"));
    }

    @Test
    void keepsMentionsApartAcrossChannelsAndMessages() {
        assertThat(MentionId.of(Channel.EMAIL, "123")).isNotEqualTo(MentionId.of(Channel.TWITTER, "123"));
        assertThat(MentionId.of(Channel.EMAIL, "123")).isNotEqualTo(MentionId.of(Channel.EMAIL, "124"));
        assertThat(MentionId.of(Channel.TWITTER, "1").value()).startsWith("twitter-");
    }

    @Test
    void refusesAMentionIdThatWasNotDerivedFromItsMessage() {
        assertThatThrownBy(() -> new MentionReceived(
                        MentionId.of(Channel.EMAIL, "other"),
                        Channel.EMAIL,
                        "a",
                        "mine",
                        null,
                        null,
                        null,
                        null,
                        "text",
                        null,
                        Instant.EPOCH,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsAConversationAtItsFirstMessageUnlessTheChannelSaysOtherwise() {
        var first = new MentionReceived(
                null, Channel.EMAIL, "a", "m1", null, null, null, null, "hi", null, Instant.EPOCH, null, null, null);
        var reply = new MentionReceived(
                null,
                Channel.EMAIL,
                "a",
                "m2",
                first.conversationId(),
                "m1",
                null,
                null,
                "again",
                null,
                Instant.EPOCH,
                null,
                null,
                null);

        assertThat(first.conversationId()).isEqualTo(ConversationId.startedBy(Channel.EMAIL, "m1"));
        assertThat(reply.conversationId()).isEqualTo(first.conversationId());
        assertThat(reply.mentionId()).isNotEqualTo(first.mentionId());
    }

    @Test
    void keysEveryConversationEventByItsConversation() {
        var mention = DeskJsonTest.tweet();

        assertThat(Topics.MENTIONS.keyOf(mention))
                .isEqualTo(mention.conversationId().value());
        // Every topic has a name of its own.
        assertThat(Topics.all().stream().map(Topic::name).collect(Collectors.toSet()))
                .hasSize(Topics.all().size());
    }

    @Test
    void readsChannelsByTheirWireNames() {
        assertThat(Channel.fromWire("walk-in")).isEqualTo(Channel.WALK_IN);
        assertThat(Channel.fromWire("EMAIL")).isEqualTo(Channel.EMAIL);
        assertThatThrownBy(() -> Channel.fromWire("fax")).isInstanceOf(IllegalArgumentException.class);
    }
}
