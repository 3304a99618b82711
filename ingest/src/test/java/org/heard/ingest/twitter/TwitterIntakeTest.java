package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.heard.contracts.Channel;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionFlag;
import org.heard.contracts.MentionId;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwitterIntakeTest {

    private final XHarness harness = new XHarness(ApiVersion.V2, "St Mary's A&E");
    private final FakeX x = harness.x;
    private final RecordingEventPublisher published = harness.published;

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void takesMentionsInWithAuthorConversationAndLink() {
        var tweet = x.mention("patient_one", "@StMaryTrust waited 6 hours in A&E & nobody came");

        harness.poll();

        assertThat(published.mentions()).hasSize(1);
        var mention = published.mentions().getFirst();
        assertThat(mention.channel()).isEqualTo(Channel.TWITTER);
        assertThat(mention.account()).isEqualTo("@StMaryTrust");
        assertThat(mention.externalId()).isEqualTo(tweet.id());
        assertThat(mention.mentionId()).isEqualTo(MentionId.of(Channel.TWITTER, tweet.id()));
        assertThat(mention.conversationId()).isEqualTo(ConversationId.startedBy(Channel.TWITTER, tweet.id()));
        assertThat(mention.text()).isEqualTo("@StMaryTrust waited 6 hours in A&E & nobody came");
        assertThat(mention.author().handle()).isEqualTo("@patient_one");
        assertThat(mention.author().id()).isEqualTo(FakeX.userIdOf("patient_one"));
        assertThat(mention.publishedAt()).isEqualTo(tweet.createdAt());
        assertThat(mention.attributes()).containsEntry("x.url", "https://x.com/patient_one/status/" + tweet.id());
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(harness.status().lastSuccessfulFetch()).isEqualTo(harness.clock.instant());
    }

    @Test
    void neitherMissesNorRepeatsMentionsAcrossARestart() {
        x.mention("a", "@StMaryTrust one");
        x.mention("b", "@StMaryTrust two");
        harness.poll();
        var newest = x.mention("c", "@StMaryTrust three");
        harness.poll();
        assertThat(harness.checkpoints.read("twitter:@stmarytrust:mentions")).contains(newest.id());

        x.mention("d", "@StMaryTrust four, while Heard was down");
        harness.restart().poll();
        harness.poll();

        assertThat(published.texts())
                .containsExactly(
                        "@StMaryTrust one",
                        "@StMaryTrust two",
                        "@StMaryTrust three",
                        "@StMaryTrust four, while Heard was down");
        assertThat(x.requests).anyMatch(request -> request.contains("/mentions?since_id=" + newest.id()));
    }

    @Test
    void backfillsOnFirstStartOnlyAsFarAsTheMaximumAge() {
        x.mentionAt(
                "old", "@StMaryTrust from last week", harness.clock.instant().minus(Duration.ofDays(7)));
        x.mention("new", "@StMaryTrust from today");

        harness.poll();

        assertThat(published.texts()).containsExactly("@StMaryTrust from today");
        assertThat(x.requests).anyMatch(request -> request.contains("start_time=2026-11-19T09%3A00%3A00Z"));
    }

    @Test
    void neverAsksRecentSearchForMoreThanItsSevenDays() {
        harness.backfillMaxAge = Duration.ofDays(30);
        harness.restart();

        harness.poll();

        assertThat(x.requests).anyMatch(request -> request.contains("/mentions?start_time=2026-10-21T09%3A00%3A00Z"));
        assertThat(x.requests)
                .anyMatch(request -> request.contains("/search/recent?start_time=2026-11-13T09%3A01%3A00Z"));
    }

    @Test
    void pagesThroughEveryMentionAndPublishesThemOldestFirst() {
        for (int i = 0; i < 250; i++) {
            x.mention("patient" + i, "@StMaryTrust number " + i);
        }

        harness.poll();

        assertThat(published.mentions()).hasSize(250);
        assertThat(published.mentions().getFirst().text()).isEqualTo("@StMaryTrust number 0");
        assertThat(published.mentions().getLast().text()).isEqualTo("@StMaryTrust number 249");
        assertThat(x.requests)
                .filteredOn(request -> request.contains("/mentions"))
                .hasSize(3);
    }

    @Test
    void skipsOurOwnTweetsWhenFetching() {
        x.tweet("StMaryTrust", "St Mary's A&E is open as usual this weekend");
        x.tweet("visitor", "St Mary's A&E was spotless today");

        harness.poll();

        assertThat(published.texts()).containsExactly("St Mary's A&E was spotless today");
    }

    @Test
    void takesATweetThatIsBothMentionAndSearchHitOnce() {
        x.mention("patient", "@StMaryTrust St Mary's A&E lost my notes");

        harness.poll();

        assertThat(published.mentions()).hasSize(1);
        assertThat(published.mentions().getFirst().attributes()).containsEntry("x.stream", "mentions");
    }

    @Test
    void recordsRetweetsAsRepostsOfTheOriginalConversationNotNewCases() {
        var original = x.mention("patient", "@StMaryTrust the ward staff were wonderful");
        harness.poll();
        x.retweet(original, "friend");

        harness.poll();

        var retweet = published.mentions().get(1);
        assertThat(retweet.flags()).containsExactly(MentionFlag.REPOST);
        assertThat(retweet.conversationId())
                .isEqualTo(published.mentions().getFirst().conversationId());
        assertThat(retweet.attributes()).containsEntry("x.retweetOf", original.id());
    }

    @Test
    void repliesToATweetOfAKnownConversationJoinIt() {
        var first = x.mention("patient", "@StMaryTrust my father's discharge was chaotic");
        harness.poll();
        var sent = harness.channel
                .replySender()
                .send(harness.replyTo(
                        harness.mentionWithText(first.text()), "I'm sorry to hear this. Could you DM us?", false));
        assertThat(sent).isInstanceOf(org.heard.ingest.channel.SendResult.Sent.class);
        var ours = x.postedByUs().getFirst();
        x.replyTo(ours, "patient", "@StMaryTrust thank you, will do");
        x.mention("stranger", "@StMaryTrust unrelated question about parking");

        harness.poll();

        var answer = harness.mentionWithText("@StMaryTrust thank you, will do");
        assertThat(answer.conversationId()).isEqualTo(ConversationId.startedBy(Channel.TWITTER, first.id()));
        assertThat(answer.inReplyToExternalId()).isEqualTo(ours.id());
        assertThat(harness.mentionWithText("@StMaryTrust unrelated question about parking")
                        .conversationId())
                .isNotEqualTo(answer.conversationId());
    }

    @Test
    void waitsUntilTheRateLimitResetsAndSaysSo() {
        var reset = harness.clock.instant().plus(Duration.ofMinutes(15));
        x.rateLimit(0, reset);
        x.mention("patient", "@StMaryTrust hello");

        harness.poll();

        assertThat(harness.status().inbound()).isEqualTo(ChannelState.RATE_LIMITED);
        assertThat(harness.status().detail()).contains("waiting until " + reset);
        var calls = x.requests.size();
        harness.clock.advance(Duration.ofMinutes(5));
        harness.poll();
        assertThat(x.requests).hasSize(calls);
        assertThat(published.mentions()).isEmpty();

        harness.clock.advance(Duration.ofMinutes(11));
        harness.poll();

        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void stopsCallingAnEndpointWhoseHeadersSayNothingRemains() {
        var reset = harness.clock.instant().plus(Duration.ofMinutes(15));
        x.rateLimit(1, reset); // the mentions call uses the last request of the window
        x.mention("patient", "@StMaryTrust hello");

        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
        var mentionCalls = x.requests.stream()
                .filter(request -> request.contains("/mentions"))
                .count();

        harness.clock.advance(Duration.ofMinutes(1));
        harness.poll();

        assertThat(x.requests.stream()
                        .filter(request -> request.contains("/mentions"))
                        .count())
                .isEqualTo(mentionCalls);
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.RATE_LIMITED);
    }

    @Test
    void revokedTokenIsAnAuthFailureWithAPointerToTheSettings() {
        x.mention("patient", "@StMaryTrust hello");
        x.revokeCredentials();

        harness.poll();

        var status = harness.status();
        assertThat(status.inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(status.detail()).contains("401").contains("@StMaryTrust").contains("heard.channel.twitter.accounts");
        assertThat(published.mentions()).isEmpty();
        assertThat(harness.checkpoints.read("twitter:@stmarytrust:mentions")).isEmpty();

        x.restoreCredentials();
        harness.poll();
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }

    @Test
    void deletedTweetsAndOddItemsBecomeDeadLettersWhileTheRestIsTakenIn() {
        x.mention("patient", "@StMaryTrust fine tweet");
        x.reportErrorNext("Not Found Error", "Could not find tweet with ids: [1234].", "1234");
        x.rawTweetNext("{\"id\":\"77\",\"author_id\":\"9\",\"note\":\"no text here\"}");

        harness.poll();

        assertThat(published.texts()).containsExactly("@StMaryTrust fine tweet");
        assertThat(published.deadLetters()).hasSize(2);
        assertThat(published.deadLetters()).anySatisfy(dead -> {
            assertThat(dead.reason()).contains("Not Found Error").contains("Could not find tweet");
            assertThat(dead.source()).isEqualTo("twitter:@StMaryTrust");
        });
        assertThat(published.deadLetters()).anySatisfy(dead -> {
            assertThat(dead.reason()).contains("'text' is missing");
            assertThat(dead.payload()).contains("no text here");
        });
    }

    @Test
    void tweetsOfProtectedAccountsThatXWithholdsAreDeadLettered() {
        x.reportErrorNext(
                "Authorization Error", "Sorry, you are not authorized to see the Tweet with ids: [5555].", "5555");

        harness.poll();

        assertThat(published.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.reason())
                    .isEqualTo(
                            "X reported: Authorization Error: Sorry, you are not authorized to see the Tweet with ids: [5555].");
            assertThat(dead.payload()).contains("\"resource_id\":\"5555\"");
        });
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void unreadableAnswerIsDeadLetteredOnceAndRetried() {
        x.mention("patient", "@StMaryTrust hello");
        x.failNext("/mentions", 200, "<html>Gateway says hi</html>");
        x.failNext("/mentions", 200, "<html>Gateway says hi</html>");

        harness.poll();
        harness.poll();

        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
        assertThat(published.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.payload()).isEqualTo("<html>Gateway says hi</html>");
            assertThat(dead.reason()).contains("mentions");
        });

        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void readsAnAnswerOnlyUpToItsCapAndDeadLettersItsStart() {
        x.mention("patient1", "@StMaryTrust hello");
        x.failNext("/mentions", 200, "{\"data\": [" + "{\"id\": \"1\", \"text\": \"padding\"},".repeat(600_000) + "]}");

        harness.poll();

        assertThat(published.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.reason())
                    .contains("mentions")
                    .contains("over 16 MB")
                    .contains("not read");
            assertThat(dead.payload()).hasSizeLessThanOrEqualTo(64 * 1024).startsWith("{\"data\": [");
        });
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);

        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }

    @Test
    void refusedSearchIsDeadLetteredWithXsExplanation() {
        x.failNext(
                "/search/recent",
                400,
                "{\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"status\":400}");

        harness.poll();

        assertThat(published.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.reason())
                    .contains("search:St Mary's A&E")
                    .contains("400")
                    .contains("parameters");
            assertThat(dead.context()).containsEntry("stream", "search:St Mary's A&E");
        });
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithoutLosingAnything() {
        harness.requestTimeout = Duration.ofMillis(300);
        harness.restart();
        x.mention("patient", "@StMaryTrust are you there?");
        x.failNext("/mentions", 503, "{\"title\":\"Service Unavailable\"}");

        harness.poll();
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
        assertThat(harness.status().detail()).contains("503");

        x.slowNext("/mentions", 1_000);
        harness.clock.advance(Duration.ofMinutes(1));
        harness.poll();
        assertThat(harness.status().detail()).contains("did not answer");
        assertThat(published.mentions()).isEmpty();
        assertThat(published.deadLetters()).isEmpty();

        harness.clock.advance(Duration.ofMinutes(2));
        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust are you there?");
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);
    }

    @Test
    void backsOffLongerWhileXKeepsFailing() {
        for (int i = 0; i < 8; i++) {
            x.failNext("/mentions", 502, "{\"title\":\"Bad Gateway\"}");
        }
        var start = harness.clock.instant();

        harness.poll(); // 1st failure: next try after one poll interval
        assertThat(harness.status().detail()).contains("next try at " + start.plus(Duration.ofMinutes(1)));
        harness.clock.advance(Duration.ofMinutes(1));
        harness.poll(); // 2nd: two intervals
        assertThat(harness.status().detail())
                .contains("2 failures in a row, next try at " + start.plus(Duration.ofMinutes(3)));

        harness.clock.advance(Duration.ofMinutes(1));
        var calls = mentionCalls();
        harness.poll();
        assertThat(mentionCalls()).isEqualTo(calls);

        for (int failure = 3; failure <= 6; failure++) {
            harness.clock.advance(TweetIntake.MAX_BACKOFF);
            harness.poll();
        }
        assertThat(harness.status().detail())
                .contains("6 failures in a row, next try at "
                        + harness.clock.instant().plus(TweetIntake.MAX_BACKOFF));
    }

    private long mentionCalls() {
        return x.requests.stream()
                .filter(request -> request.contains("/mentions"))
                .count();
    }

    @Test
    void keepsThePositionWhenKafkaDoesNotAcknowledge() {
        x.mention("patient", "@StMaryTrust hello");
        published.goDown();

        harness.poll();

        assertThat(harness.checkpoints.read("twitter:@stmarytrust:mentions")).isEmpty();
        assertThat(harness.status().inbound()).isEqualTo(ChannelState.FAILING);
        assertThat(harness.status().detail()).contains("Kafka did not acknowledge");

        published.acceptAll();
        harness.poll();
        assertThat(published.texts()).containsExactly("@StMaryTrust hello");
    }

    @Test
    void takesDirectMessagesInAsPrivateMentionsOnce() {
        var dm = x.directMessageFrom("worried_son", "My mum's appointment letter has the wrong date");

        harness.poll();
        harness.restart().poll();

        var mention = published.mentions().getFirst();
        assertThat(published.mentions()).hasSize(1);
        assertThat(mention.externalId()).isEqualTo("dm:" + dm.id());
        assertThat(mention.flags()).containsExactly(MentionFlag.DIRECT_MESSAGE);
        assertThat(mention.author().id()).isEqualTo(FakeX.userIdOf("worried_son"));
        assertThat(harness.checkpoints.read("twitter:@stmarytrust:dm")).contains(dm.id());
    }

    @Test
    void remembersEachPageOfConversationsInOneWriteNotOnePerTweet() {
        for (int i = 0; i < 250; i++) {
            x.mention("patient" + i, "@StMaryTrust message " + i);
        }

        harness.poll();

        assertThat(published.mentions()).hasSize(250);
        assertThat(harness.checkpoints.bulkWrites()).isEqualTo(3);
        assertThat(harness.checkpoints.singleWrites()).noneMatch(key -> key.startsWith(ConversationMemory.PREFIX));
        assertThat(harness.checkpoints.values().keySet())
                .filteredOn(key -> key.startsWith(ConversationMemory.PREFIX))
                .hasSize(250);
    }

    @Test
    void anAnswerInTheSamePageJoinsTheConversationOfTheTweetItAnswers() {
        var first = x.mention("patient", "@StMaryTrust the ward was cold");
        x.replyTo(first, "her_sister", "@StMaryTrust @patient same on Tuesday");

        harness.poll();

        assertThat(harness.mentionWithText("@StMaryTrust @patient same on Tuesday")
                        .conversationId())
                .isEqualTo(harness.mentionWithText("@StMaryTrust the ward was cold")
                        .conversationId());
    }

    @Test
    void forgetsConversationsOlderThanTheMemoryAndAnAnswerToOneStartsItsOwnCase() {
        var old = x.mention("patient", "@StMaryTrust thank you ward 3");
        harness.poll();
        var oldKey = ConversationMemory.PREFIX
                + MentionId.of(Channel.TWITTER, old.id()).value();
        assertThat(harness.checkpoints.values()).containsKey(oldKey);

        harness.clock.advance(Duration.ofDays(91));
        var recent = x.mention("other", "@StMaryTrust and thank you ward 4");
        harness.poll();

        assertThat(harness.channel.forgetOldConversations()).isEqualTo(1);
        assertThat(harness.checkpoints.values())
                .doesNotContainKey(oldKey)
                .containsKey(ConversationMemory.PREFIX
                        + MentionId.of(Channel.TWITTER, recent.id()).value());

        harness.restart();
        x.replyTo(old, "patient", "@StMaryTrust still grateful");
        harness.poll();
        var answer = harness.mentionWithText("@StMaryTrust still grateful");
        assertThat(answer.conversationId())
                .isNotEqualTo(
                        harness.mentionWithText("@StMaryTrust thank you ward 3").conversationId());
    }
}
