package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionId;
import org.heard.contracts.ReplyFailed;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyOutcome;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Responder;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.SendResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryRepliesTest {

    private static final String DRAFT_A = """
            Dear Sir or Madam, thank you for telling us about your long wait in the emergency department.
            I am sorry nobody kept you updated. I have shared your story with the nurse in charge and we are
            changing how we give updates to people who are waiting. Please contact me on 01234 567890.""";
    private static final String DRAFT_B = """
            Thank you for your kind words about the maternity team. I have passed your thanks to the midwives
            on Rose ward, who were delighted to read your story. We wish you and your family all the best.""";

    private final FakeCareOpinion site = FakeCareOpinion.start();
    private TestChannel channel;

    @BeforeEach
    void takeInTwoStories() {
        site.publishStory(
                "501", TestChannel.NOW.minus(Duration.ofHours(5)), "Long wait in A&E", "No updates", "mildly critical");
        site.publishStory(
                "502", TestChannel.NOW.minus(Duration.ofHours(4)), "Wonderful midwives", "Thank you", "not critical");
        channel = new TestChannel(TestSettings.forSite(site.apiBase()).build());
        channel.intake.poll();
        assertThat(channel.publisher.on(Topics.MENTIONS)).hasSize(2);
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private static ReplyRequested reply(String replyId, String storyId, String text) {
        return new ReplyRequested(
                new ReplyId(replyId),
                MentionId.of(Channel.STORY, storyId),
                ConversationId.startedBy(Channel.STORY, storyId),
                Channel.STORY,
                "careopinion",
                new Responder("spatel", "Sam Patel", "Patient Experience Lead"),
                text,
                false,
                TestChannel.NOW);
    }

    @Test
    void awaitsPublicationOnTheStorysRespondPage() {
        SendResult result = channel.sender.send(reply("reply-a", "501", DRAFT_A));

        assertThat(result)
                .isEqualTo(new SendResult.AwaitingPublication(
                        "https://www.careopinion.org.uk/501/respond", TestChannel.NOW.plus(Duration.ofHours(48))));
        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES)).isEmpty();
    }

    @Test
    void answersTheSameWhenTheSameReplyIsSentAgainAfterARestart() {
        SendResult first = channel.sender.send(reply("reply-a", "501", DRAFT_A));
        channel.clock.advance(Duration.ofMinutes(10));

        SendResult again = channel.restart().sender.send(reply("reply-a", "501", DRAFT_A));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void rejectsAReplyToAStoryItNeverTookIn() {
        SendResult result = channel.sender.send(reply("reply-x", "999", DRAFT_A));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .contains("not a Care Opinion story this connector took in"));
    }

    @Test
    void rejectsAPrivateReplyBecauseResponsesArePublic() {
        ReplyRequested publicReply = reply("reply-p", "501", DRAFT_A);
        ReplyRequested privateReply = new ReplyRequested(
                publicReply.replyId(),
                publicReply.mentionId(),
                publicReply.conversationId(),
                Channel.STORY,
                "careopinion",
                publicReply.responder(),
                DRAFT_A,
                true,
                TestChannel.NOW);

        assertThat(channel.sender.send(privateReply))
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("no private replies"));
        assertThat(channel.checkpoints.read(StoryKeys.reply(publicReply.replyId())))
                .isEmpty();
    }

    @Test
    void reconcilesAResponsePublishedWithSmallEditsToTheRightDraft() {
        channel.sender.send(reply("reply-a", "501", DRAFT_A));
        channel.sender.send(reply("reply-b", "502", DRAFT_B));
        channel.sender.send(reply("reply-a2", "501", "Thank you, we have passed this to the ward manager."));
        Instant publishedAt = TestChannel.NOW.plus(Duration.ofMinutes(40));
        // Pasted into the site with a word changed, Markdown emphasis added and the lines rewrapped.
        site.publishResponse("9001", "502", """
                Thank you for your **kind words** about the maternity team. I have passed your thanks to the midwives on
                Rose ward, who were thrilled to read your story. We wish you and your family all the best.""", publishedAt, "Jo Smith");
        channel.clock.advance(Duration.ofHours(1));

        StoryResponseReconciler.Run run = channel.reconciler.poll();

        assertThat(run.matched()).isEqualTo(1);
        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .singleElement()
                .isEqualTo(new ReplySent(
                        new ReplyId("reply-b"),
                        MentionId.of(Channel.STORY, "502"),
                        ConversationId.startedBy(Channel.STORY, "502"),
                        Channel.STORY,
                        "9001",
                        publishedAt));
        assertThat(channel.sender.send(reply("reply-b", "502", DRAFT_B)))
                .isEqualTo(new SendResult.Sent("9001", publishedAt));
        assertThat(channel.sender.send(reply("reply-a", "501", DRAFT_A)))
                .isInstanceOf(SendResult.AwaitingPublication.class);
    }

    @Test
    void putsAResponseWrittenOnTheWebsiteIntoItsConversation() {
        channel.sender.send(reply("reply-a", "501", DRAFT_A));
        Instant publishedAt = TestChannel.NOW.plus(Duration.ofMinutes(20));
        site.publishResponse(
                "9002",
                "501",
                "Hello, I am the matron for the emergency department. Please call me.",
                publishedAt,
                "Chris Jones");

        channel.reconciler.poll();
        channel.restart().reconciler.poll();

        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .singleElement()
                .isEqualTo(new ReplySent(
                        new ReplyId("story-response-9002"),
                        MentionId.of(Channel.STORY, "501"),
                        ConversationId.startedBy(Channel.STORY, "501"),
                        Channel.STORY,
                        "9002",
                        publishedAt));
        assertThat(channel.sender.send(reply("reply-a", "501", DRAFT_A)))
                .isInstanceOf(SendResult.AwaitingPublication.class);
    }

    @Test
    void doesNotTakeAnEarlierResponseWithTheSameWordsForTheDraft() {
        Instant earlier = TestChannel.NOW.minus(Duration.ofDays(1));
        site.publishResponse("9003", "502", DRAFT_B, earlier, "Jo Smith");
        channel.sender.send(reply("reply-b", "502", DRAFT_B));

        channel.reconciler.poll();

        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .singleElement()
                .satisfies(outcome -> assertThat(outcome.replyId()).isEqualTo(new ReplyId("story-response-9003")));
    }

    @Test
    void failsADraftNotPublishedWithinTheTimeoutOnce() {
        channel.sender.send(reply("reply-a", "501", DRAFT_A));
        channel.clock.advance(Duration.ofHours(47));
        channel.reconciler.poll();
        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES)).isEmpty();

        channel.clock.advance(Duration.ofHours(2));
        channel.reconciler.poll();
        channel.reconciler.poll();

        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .singleElement()
                .isInstanceOfSatisfying(ReplyFailed.class, failed -> {
                    assertThat(failed.replyId()).isEqualTo(new ReplyId("reply-a"));
                    assertThat(failed.retryable()).isFalse();
                    assertThat(failed.reason()).startsWith("not published on Care Opinion within 48 hours");
                    assertThat(failed.failedAt()).isEqualTo(TestChannel.NOW.plus(Duration.ofHours(49)));
                });
        assertThat(channel.sender.send(reply("reply-a", "501", DRAFT_A))).isInstanceOf(SendResult.Rejected.class);
    }

    @Test
    void deadLettersABrokenResponsesPageOnceAndReadsItWhenItIsFixed() {
        site.answerRaw("responses?skip=0&take=100", "[{\"id\": 3, \"body\": ");
        site.publishResponse("9004", "501", "We are sorry to read this.", TestChannel.NOW, "Chris Jones");

        StoryResponseReconciler.Run broken = channel.reconciler.poll();
        channel.reconciler.poll();
        site.clearRaw();
        channel.reconciler.poll();

        assertThat(broken.problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("broken JSON"));
        assertThat(channel.publisher.on(Topics.DEAD_LETTERS))
                .singleElement()
                .satisfies(dead -> assertThat(dead.payload()).isEqualTo("[{\"id\": 3, \"body\": "));
        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .extracting(ReplyOutcome::replyId)
                .containsExactly(new ReplyId("story-response-9004"));
    }

    @Test
    void deadLettersAResponseItCannotReadAndReadsOnPastIt() {
        site.answerRaw("responses?skip=0&take=100", """
                [{"id": 1, "body": "No story link", "dateOfPublication": "2026-11-20T13:00:00Z"},
                 {"id": 2, "body": "Fine", "dateOfPublication": "2026-11-20T13:05:00Z", "opinionId": 502}]""");
        site.answerRaw("responses?skip=2&take=100", "[]");

        channel.reconciler.poll();

        assertThat(channel.publisher.on(Topics.DEAD_LETTERS))
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason()).contains("opinion"));
        assertThat(channel.publisher.on(Topics.REPLY_OUTCOMES))
                .extracting(ReplyOutcome::replyId)
                .containsExactly(new ReplyId("story-response-2"));
    }
}
