package org.heard.desk.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.junit.jupiter.api.Test;

class LoggedFeedbackTest {

    final List<Object> published = new ArrayList<>();
    final EventPublisher publisher = new EventPublisher() {
        @Override
        public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
            assertThat(topic).isEqualTo(Topics.MENTIONS);
            published.add(record);
            return CompletableFuture.completedFuture(null);
        }
    };
    final Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    final LoggedFeedback feedback = new LoggedFeedback(publisher, clock);

    @Test
    void phoneFeedbackBecomesAMentionOnThePhoneChannelForTriage() {
        var logged = feedback.log(
                "sam",
                Channel.PHONE,
                "Mr Jones",
                "01632 960123",
                "stroke-unit",
                null,
                "Rang to thank the stroke unit",
                Instant.parse("2026-11-21T09:15:00Z"));

        assertThat(logged).isInstanceOf(LoggedFeedback.Logged.Accepted.class);
        var mention = (MentionReceived) published.getFirst();
        assertThat(mention.channel()).isEqualTo(Channel.PHONE);
        assertThat(mention.author().displayName()).isEqualTo("Mr Jones");
        assertThat(mention.serviceHints()).containsExactly("stroke-unit");
        assertThat(mention.publishedAt()).isEqualTo("2026-11-21T09:15:00Z");
        assertThat(mention.receivedAt()).isEqualTo("2026-11-21T10:00:00Z");
        assertThat(mention.attributes()).containsEntry("loggedBy", "sam");
    }

    @Test
    void refusesOnlineChannelsAndEmptyFeedbackWithoutPublishing() {
        assertThat(feedback.log("sam", Channel.TWITTER, null, null, null, null, "hello", null))
                .isInstanceOf(LoggedFeedback.Logged.Refused.class);
        assertThat(feedback.log("sam", Channel.LETTER, null, null, null, null, "  ", null))
                .isInstanceOf(LoggedFeedback.Logged.Refused.class);
        assertThat(published).isEmpty();
    }

    @Test
    void aBrokerThatDoesNotAcknowledgeIsReportedNotHidden() {
        var failing = new LoggedFeedback(
                new EventPublisher() {
                    @Override
                    public <T> CompletableFuture<Void> publish(Topic<T> topic, T record) {
                        return CompletableFuture.failedFuture(new IllegalStateException("broker down"));
                    }
                },
                clock);

        assertThat(failing.log("sam", Channel.WALK_IN, null, null, null, null, "Came in to complain", null))
                .isInstanceOfSatisfying(
                        LoggedFeedback.Logged.Refused.class,
                        refused -> assertThat(refused.reason()).contains("nothing was logged"));
    }
}
