package org.heard.ingest.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyFailed;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Responder;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;

class ReplyDispatcherTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RecordingEventPublisher publisher = new RecordingEventPublisher();

    static ReplyRequested reply(Channel channel) {
        return new ReplyRequested(
                ReplyId.random(),
                MentionId.of(channel, "m1"),
                ConversationId.startedBy(channel, "m1"),
                channel,
                "feedback@trust.example",
                new Responder("sam", "Sam Patel", "Patient Experience Lead"),
                "I'm sorry.",
                false,
                NOW);
    }

    static ReplySender answering(Channel channel, SendResult result) {
        return new ReplySender() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public SendResult send(ReplyRequested reply) {
                return result;
            }
        };
    }

    @Test
    void recordsWhatTheChannelCallsASentReply() {
        var dispatcher = new ReplyDispatcher(
                List.of(answering(Channel.EMAIL, new SendResult.Sent("<ours@heard>", NOW))), publisher, clock);
        var reply = reply(Channel.EMAIL);

        dispatcher.dispatch(reply, false);

        assertThat(publisher.acknowledged())
                .containsExactly(new ReplySent(
                        reply.replyId(),
                        reply.mentionId(),
                        reply.conversationId(),
                        Channel.EMAIL,
                        "<ours@heard>",
                        NOW));
    }

    @Test
    void reportsARejectionAsAFailureNotWorthRetrying() {
        var dispatcher = new ReplyDispatcher(
                List.of(answering(Channel.TWITTER, new SendResult.Rejected("Duplicate post"))), publisher, clock);

        dispatcher.dispatch(reply(Channel.TWITTER), false);

        assertThat(publisher.acknowledged()).singleElement().isInstanceOfSatisfying(ReplyFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo("Duplicate post");
            assertThat(failed.retryable()).isFalse();
        });
    }

    @Test
    void asksForRedeliveryWhileTriesAreLeftAndReportsTheLastFailure() {
        var later = new SendResult.RetryLater(Duration.ofMinutes(1), "SMTP server busy");
        var dispatcher = new ReplyDispatcher(List.of(answering(Channel.EMAIL, later)), publisher, clock);

        assertThatThrownBy(() -> dispatcher.dispatch(reply(Channel.EMAIL), false))
                .isInstanceOf(ReplyDispatcher.TryAgain.class);
        assertThat(publisher.acknowledged()).isEmpty();

        dispatcher.dispatch(reply(Channel.EMAIL), true);
        assertThat(publisher.acknowledged()).singleElement().isInstanceOfSatisfying(ReplyFailed.class, failed -> {
            assertThat(failed.reason()).startsWith("SMTP server busy");
            assertThat(failed.retryable()).isTrue();
        });
    }

    @Test
    void failsVisiblyWhenNoSenderRunsForTheChannel() {
        var dispatcher = new ReplyDispatcher(List.of(), publisher, clock);

        dispatcher.dispatch(reply(Channel.STORY), false);

        assertThat(publisher.acknowledged()).singleElement().isInstanceOf(ReplyFailed.class);
    }

    @Test
    void neverLosesAReplyWhenASenderThrows() {
        ReplySender broken = new ReplySender() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public SendResult send(ReplyRequested reply) {
                throw new IllegalStateException("bug");
            }
        };
        var dispatcher = new ReplyDispatcher(List.of(broken), publisher, clock);

        assertThatThrownBy(() -> dispatcher.dispatch(reply(Channel.EMAIL), false))
                .isInstanceOf(ReplyDispatcher.TryAgain.class);
        dispatcher.dispatch(reply(Channel.EMAIL), true);
        assertThat(publisher.acknowledged()).singleElement().isInstanceOf(ReplyFailed.class);
    }
}
