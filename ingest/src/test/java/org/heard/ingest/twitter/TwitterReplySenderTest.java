package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.SendResult;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwitterReplySenderTest {

    private final XHarness harness = new XHarness(ApiVersion.V2);
    private final FakeX x = harness.x;

    @AfterEach
    void close() {
        harness.close();
    }

    private SendResult send(ReplyRequested reply) {
        return harness.channel.replySender().send(reply);
    }

    @Test
    void repliesPubliclyToThePatientsTweet() {
        var tweet = x.mention("patient", "@StMaryTrust my appointment was cancelled twice");
        harness.poll();

        var result = send(harness.replyTo(
                harness.mentionWithText(tweet.text()), "Sorry about this. Sam from PALS will call you today.", false));

        var posted = x.postedByUs();
        assertThat(posted).singleElement().satisfies(ours -> {
            assertThat(ours.inReplyTo()).isEqualTo(tweet.id());
            assertThat(ours.text()).isEqualTo("Sorry about this. Sam from PALS will call you today.");
        });
        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class,
                        sent -> assertThat(sent.externalId())
                                .isEqualTo(posted.getFirst().id()));
        assertThat(x.requests).anyMatch(request -> request.equals("POST /2/tweets"));
    }

    @Test
    void answersADirectMessageByDirectMessage() {
        var dm = x.directMessageFrom("worried_son", "Mum's letter has the wrong date");
        harness.poll();

        var reply = harness.replyTo(
                harness.mentionWithText(dm.text()), "Thank you, we've corrected it and will post a new letter.", false);
        var result = send(reply);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class,
                        sent -> assertThat(sent.externalId())
                                .isEqualTo("dm:" + x.dmsSentByUs().getFirst().id()));
        assertThat(send(reply)).isEqualTo(result);
        assertThat(x.postedByUs()).isEmpty();
        assertThat(x.dmsSentByUs()).singleElement().satisfies(ours -> {
            assertThat(ours.recipientId()).isEqualTo(FakeX.userIdOf("worried_son"));
            assertThat(ours.text()).isEqualTo("Thank you, we've corrected it and will post a new letter.");
        });
    }

    @Test
    void answersPrivatelyWhenStaffAskEvenForAPublicTweet() {
        var tweet = x.mention("patient", "@StMaryTrust my NHS number is on the wrong letter");
        harness.poll();

        send(harness.replyTo(
                harness.mentionWithText(tweet.text()), "Please don't share details here; we've messaged you.", true));

        assertThat(x.postedByUs()).isEmpty();
        assertThat(x.dmsSentByUs())
                .singleElement()
                .satisfies(ours -> assertThat(ours.recipientId()).isEqualTo(tweet.authorId()));
    }

    @Test
    void rejectsAReplyOverTheWeightedLimitBeforeSending() {
        var tweet = x.mention("patient", "@StMaryTrust hello");
        harness.poll();
        // 250 letters + a long URL (counts 23) + space + 5 emoji (count 2 each) = 250 + 1 + 23 + 1 + 10 = 285
        var text = "a".repeat(250) + " https://www.example.nhs.uk/a/very/long/path/to/our/complaints/page "
                + "😀".repeat(5);

        var result = send(harness.replyTo(harness.mentionWithText(tweet.text()), text, false));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("Too long for X: 285/280 characters (URLs count 23, emoji and CJK 2)"));
        assertThat(x.postedByUs()).isEmpty();
    }

    @Test
    void surfacesXsDuplicateRefusalToTheStaffMember() {
        var first = x.mention("patient_a", "@StMaryTrust parking is impossible");
        var second = x.mention("patient_b", "@StMaryTrust parking again!");
        harness.poll();
        var cannedText = "Thanks for your feedback, we are looking into it.";
        assertThat(send(harness.replyTo(harness.mentionWithText(first.text()), cannedText, false)))
                .isInstanceOf(SendResult.Sent.class);

        var result = send(harness.replyTo(harness.mentionWithText(second.text()), cannedText, false));

        assertThat(result)
                .isEqualTo(new SendResult.Rejected(
                        "X refused this as a duplicate of an earlier post: write a personal reply"));
        assertThat(x.postedByUs()).hasSize(1);
    }

    @Test
    void asksToRetryAfterTheResetWhenRateLimited() {
        var tweet = x.mention("patient", "@StMaryTrust hello");
        harness.poll();
        x.rateLimit(0, harness.clock.instant().plus(Duration.ofMinutes(10)));

        var result = send(harness.replyTo(harness.mentionWithText(tweet.text()), "Hello, how can we help?", false));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.after()).isEqualTo(Duration.ofMinutes(10)));
        assertThat(harness.status().outbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(x.postedByUs()).isEmpty();
    }

    @Test
    void doesNotPostTwiceAfterACrashBetweenPostingAndRecordingIt() {
        var tweet = x.mention("patient", "@StMaryTrust the ward was cold all night");
        harness.poll();
        var reply = harness.replyTo(
                harness.mentionWithText(tweet.text()),
                "I'm sorry. I've asked estates to check the heating on the ward.",
                false);
        harness.checkpoints.crashBeforeWriting = "sent:";

        assertThatThrownBy(() -> send(reply)).isInstanceOf(MemoryCheckpoints.SimulatedCrash.class);
        assertThat(x.postedByUs()).hasSize(1);

        var result = harness.restart().channel.replySender().send(reply);

        assertThat(x.postedByUs()).hasSize(1);
        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class,
                        sent -> assertThat(sent.externalId())
                                .isEqualTo(x.postedByUs().getFirst().id()));
    }

    @Test
    void doesNotSendADirectMessageTwiceAfterACrash() {
        var dm = x.directMessageFrom("worried_son", "Mum's letter has the wrong date");
        harness.poll();
        var reply = harness.replyTo(harness.mentionWithText(dm.text()), "Thanks, we've corrected it.", false);
        harness.checkpoints.crashBeforeWriting = "sent:";
        assertThatThrownBy(() -> send(reply)).isInstanceOf(MemoryCheckpoints.SimulatedCrash.class);

        var result = harness.restart().channel.replySender().send(reply);

        assertThat(x.dmsSentByUs()).hasSize(1);
        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class,
                        sent -> assertThat(sent.externalId())
                                .isEqualTo("dm:" + x.dmsSentByUs().getFirst().id()));
    }

    @Test
    void findsAReplyWhoseAnswerWasLostInsteadOfPostingItAgain() {
        var tweet = x.mention("patient", "@StMaryTrust is the blood clinic open?");
        harness.poll();
        var reply = harness.replyTo(harness.mentionWithText(tweet.text()), "Yes, 8am to 4pm on weekdays.", false);
        x.applyThenFailNext("/2/tweets", 503);

        assertThat(send(reply)).isInstanceOf(SendResult.RetryLater.class);
        var retried = send(reply);

        assertThat(x.postedByUs()).hasSize(1);
        assertThat(retried).isInstanceOf(SendResult.Sent.class);
    }

    @Test
    void waitsRatherThanRisksADoublePostWhenXCannotBeAsked() {
        var tweet = x.mention("patient", "@StMaryTrust hello");
        harness.poll();
        var reply = harness.replyTo(harness.mentionWithText(tweet.text()), "Hello, how can we help?", false);
        x.applyThenFailNext("/2/tweets", 503);
        send(reply);
        x.failNext("/tweets", 503, "{\"title\":\"Service Unavailable\"}");

        var result = send(reply);

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.RetryLater.class,
                        retry -> assertThat(retry.reason()).contains("not posting twice"));
        assertThat(x.postedByUs()).hasSize(1);
    }

    @Test
    void aReplyAlreadySentIsNotSentAgain() {
        var tweet = x.mention("patient", "@StMaryTrust thanks to the maternity team");
        harness.poll();
        var reply = harness.replyTo(
                harness.mentionWithText(tweet.text()),
                "Thank you! We'll pass this on to the team.",
                false,
                ReplyId.random());
        var first = send(reply);

        var again = send(reply);

        assertThat(again).isEqualTo(first);
        assertThat(x.postedByUs()).hasSize(1);
    }

    @Test
    void rejectsAReplyToAMentionTheChannelNeverTookIn() {
        var mention = new MentionReceived(
                null,
                Channel.TWITTER,
                "@StMaryTrust",
                "999",
                null,
                null,
                null,
                null,
                "made up",
                null,
                harness.clock.instant(),
                null,
                null,
                null);

        var result = send(harness.replyTo(mention, "Hello", false));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .contains(MentionId.of(Channel.TWITTER, "999").value()));
    }

    @Test
    void revokedTokenWhenSendingIsShownAndRetriedLater() {
        var tweet = x.mention("patient", "@StMaryTrust hello");
        harness.poll();
        x.revokeCredentials();

        var result = send(harness.replyTo(harness.mentionWithText(tweet.text()), "Hello, how can we help?", false));

        assertThat(result).isInstanceOf(SendResult.RetryLater.class);
        assertThat(harness.status().outbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(harness.status().detail()).contains("renew the credentials");
    }
}
