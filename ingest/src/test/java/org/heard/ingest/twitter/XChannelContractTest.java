package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionFlag;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.SendResult;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the X channel promises, whichever API an account uses: each case runs against v2 (HTTP, X's
 * pay-per-use API) and v1.1 (Twitter4J pointed at the fake X by its restBaseURL only), through the
 * production client code and the same {@link FakeX}. Version-specific details stay in
 * {@link TwitterIntakeTest} and {@link TwitterReplySenderTest} (v2) and at the end here (v1.1).
 */
class XChannelContractTest {

    private XHarness harness;
    private FakeX x;
    private RecordingEventPublisher published;

    private void on(ApiVersion api) {
        harness = new XHarness(api, "St Mary's");
        x = harness.x;
        published = harness.published;
    }

    /** The path part of the mentions request of each API, for the faults the fake injects. */
    private static String mentionsPath(ApiVersion api) {
        return api == ApiVersion.V1 ? "mentions_timeline" : "/mentions";
    }

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void takesMentionsInAndKeepsSinceIdAcrossARestart(ApiVersion api) {
        on(api);
        var first = x.mention("patient_one", "@StMaryTrust waited 6 hours & nobody came");
        harness.poll();
        x.mention("patient_two", "@StMaryTrust second");
        harness.restart().poll();

        assertThat(published.texts())
                .containsExactly("@StMaryTrust waited 6 hours & nobody came", "@StMaryTrust second");
        var mention = published.mentions().getFirst();
        assertThat(mention.externalId()).isEqualTo(first.id());
        assertThat(mention.author().handle()).isEqualTo("@patient_one");
        assertThat(mention.publishedAt()).isEqualTo(first.createdAt());
        assertThat(x.requests)
                .anyMatch(request -> request.contains(mentionsPath(api)) && request.contains("since_id=" + first.id()));
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void backfillsOnFirstStartOnlyAsFarAsTheMaximumAgeWithoutStartTime() {
        on(ApiVersion.V1);
        var weekAgo = harness.clock.instant().minus(Duration.ofDays(7));
        for (int i = 0; i < 300; i++) {
            x.mentionAt("old" + i, "@StMaryTrust old " + i, weekAgo);
        }
        x.mention("new", "@StMaryTrust from today");

        harness.poll();

        assertThat(published.texts()).containsExactly("@StMaryTrust from today");
        // the first page already reached tweets older than the backfill age: no need to read the rest
        assertThat(x.requests)
                .filteredOn(request -> request.contains("mentions_timeline"))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void takesSearchHitsInThatDoNotMentionUs(ApiVersion api) {
        on(api);
        var hit = x.tweet("visitor", "Parking at St Mary's took 40 minutes");
        x.tweet("visitor", "Lovely day at the seaside");

        harness.poll();

        var mention = harness.mentionWithText(hit.text());
        assertThat(published.mentions()).hasSize(1);
        assertThat(mention.attributes()).containsEntry("x.stream", "search:St Mary's");
        assertThat(x.requests)
                .anyMatch(request -> request.contains(api == ApiVersion.V1 ? "search/tweets.json" : "/search/recent"));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void pagesBackwardsByMaxIdThroughAFullWindow(ApiVersion api) {
        on(api);
        for (int i = 0; i < 450; i++) {
            x.mention("p" + i, "@StMaryTrust n" + i);
        }

        harness.poll();

        assertThat(published.mentions()).hasSize(450);
        assertThat(published.mentions().getFirst().text()).isEqualTo("@StMaryTrust n0");
        assertThat(published.mentions().getLast().text()).isEqualTo("@StMaryTrust n449");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void skipsOwnTweetsFlagsRetweetsAndThreadsRepliesIntoKnownConversations(ApiVersion api) {
        on(api);
        var original = x.mention("patient", "@StMaryTrust St Mary's discharge was chaotic");
        x.tweet("StMaryTrust", "St Mary's is hiring nurses");
        harness.poll();
        var sent = harness.channel
                .replySender()
                .send(harness.replyTo(
                        harness.mentionWithText(original.text()), "Sorry to hear this; please DM us.", false));
        assertThat(sent).isInstanceOf(SendResult.Sent.class);
        var ours = x.postedByUs().getLast();
        x.replyTo(ours, "patient", "@StMaryTrust done, thanks");
        x.retweet(original, "friend");

        harness.poll();

        assertThat(published.texts()).doesNotContain("St Mary's is hiring nurses");
        var rootConversation = ConversationId.startedBy(Channel.TWITTER, original.id());
        assertThat(harness.mentionWithText("@StMaryTrust done, thanks").conversationId())
                .isEqualTo(rootConversation);
        assertThat(published.mentions())
                .filteredOn(mention -> mention.flags().contains(MentionFlag.REPOST))
                .singleElement()
                .satisfies(retweet -> assertThat(retweet.conversationId()).isEqualTo(rootConversation));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void repliesToThePatientsTweet(ApiVersion api) {
        on(api);
        var tweet = x.mention("patient", "@StMaryTrust my appointment was cancelled");
        harness.poll();

        var result = harness.channel
                .replySender()
                .send(harness.replyTo(
                        harness.mentionWithText(tweet.text()), "Sorry. Sam from PALS will call you today.", false));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(x.postedByUs()).singleElement().satisfies(ours -> {
            assertThat(ours.inReplyTo()).isEqualTo(tweet.id());
            // v1.1 names the patient itself (auto_populate_reply_metadata); v2 leaves the mention to X
            assertThat(ours.text())
                    .isEqualTo((api == ApiVersion.V1 ? "@patient " : "") + "Sorry. Sam from PALS will call you today.");
        });
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void surfacesXsDuplicateRefusal(ApiVersion api) {
        on(api);
        var first = x.mention("a", "@StMaryTrust parking");
        var second = x.mention("b", "@StMaryTrust parking again");
        harness.poll();
        var text = "Thanks for your feedback.";
        harness.channel.replySender().send(harness.replyTo(harness.mentionWithText(first.text()), text, false));
        var result = harness.channel
                .replySender()
                .send(harness.replyTo(harness.mentionWithText(second.text()), text, false));

        assertThat(result).isEqualTo(new SendResult.Rejected(TwitterReplySender.DUPLICATE));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void findsAReplyAfterACrashInsteadOfPostingTwice(ApiVersion api) {
        on(api);
        var tweet = x.mention("patient", "@StMaryTrust cold ward");
        harness.poll();
        var reply = harness.replyTo(
                harness.mentionWithText(tweet.text()), "Sorry, estates are checking the heating.", false);
        harness.checkpoints.crashBeforeWriting = "sent:";
        try {
            harness.channel.replySender().send(reply);
        } catch (MemoryCheckpoints.SimulatedCrash expected) {
            // the process died here
        }

        var result = harness.restart().channel.replySender().send(reply);

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(x.postedByUs()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void takesDirectMessagesInAndAnswersThemByDirectMessage(ApiVersion api) {
        on(api);
        var dm = x.directMessageFrom("worried_son", "Mum's letter has the wrong date");
        harness.poll();
        var mention = harness.mentionWithText(dm.text());
        assertThat(mention.flags()).containsExactly(MentionFlag.DIRECT_MESSAGE);
        assertThat(mention.externalId()).isEqualTo("dm:" + dm.id());

        var result = harness.channel.replySender().send(harness.replyTo(mention, "Thanks, we've corrected it.", false));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(x.dmsSentByUs()).singleElement().satisfies(ours -> {
            assertThat(ours.recipientId()).isEqualTo(FakeX.userIdOf("worried_son"));
            assertThat(ours.text()).isEqualTo("Thanks, we've corrected it.");
        });
        harness.poll();
        assertThat(published.mentions()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void revokedTokenIsAnAuthFailure(ApiVersion api) {
        on(api);
        x.revokeCredentials();

        harness.poll();

        assertThat(harness.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(harness.status().detail()).contains("401");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void rateLimitWaitsUntilTheReset(ApiVersion api) {
        on(api);
        var reset = harness.clock.instant().plus(Duration.ofMinutes(15));
        x.rateLimit(0, reset);
        x.mention("patient", "@StMaryTrust hello");

        harness.poll();

        assertThat(harness.status().inbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(harness.status().detail()).contains(reset.toString());
        harness.clock.advance(Duration.ofMinutes(16));
        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void unreadableAnswerIsDeadLetteredNotACrash(ApiVersion api) {
        on(api);
        x.mention("patient", "@StMaryTrust hello");
        x.failNext(mentionsPath(api), 200, "<html>captive portal</html>");

        harness.poll();

        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
        assertThat(published.deadLetters())
                .singleElement()
                .satisfies(
                        dead -> assertThat(dead.reason()).contains("mentions").contains("cannot read"));
        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void serverErrorIsRetriedNotLost(ApiVersion api) {
        on(api);
        x.mention("patient", "@StMaryTrust hello");
        x.failNext(mentionsPath(api), 503, "{\"errors\":[{\"code\":130,\"message\":\"Over capacity\"}]}");

        harness.poll();
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
        harness.clock.advance(Duration.ofMinutes(1));
        harness.poll();

        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }
}
