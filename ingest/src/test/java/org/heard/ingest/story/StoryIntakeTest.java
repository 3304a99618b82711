package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.heard.contracts.Channel;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.MentionId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoryIntakeTest {

    private static final Instant LAST_YEAR = Instant.parse("2025-03-01T09:00:00Z");

    private final FakeCareOpinion site = FakeCareOpinion.start();

    @AfterEach
    void stopSite() {
        site.close();
    }

    private TestChannel channel() {
        return new TestChannel(TestSettings.forSite(site.apiBase()).build());
    }

    private static List<String> takenIds(TestChannel channel) {
        return channel.publisher.on(Topics.MENTIONS).stream()
                .map(MentionReceived::externalId)
                .toList();
    }

    private static List<String> ids(long first, int count) {
        return LongStream.range(first, first + count).mapToObj(Long::toString).toList();
    }

    @Test
    void takesEveryStoryOldestFirstPagingToTheEnd() {
        site.publishStories(1000, 250, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = channel();

        StoryIntake.Run run = channel.intake.poll();

        assertThat(run.problem()).isEmpty();
        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1000, 250));
        assertThat(site.requestLog())
                .containsExactly(
                        "/api/v2/opinions?skip=0&take=100",
                        "/api/v2/opinions?skip=100&take=100",
                        "/api/v2/opinions?skip=200&take=100",
                        "/api/v2/opinions?skip=250&take=100");
        assertThat(channel.health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(channel.health.status().lastSuccessfulFetch()).isEqualTo(TestChannel.NOW);
    }

    @Test
    void startsFromTheConfiguredTimeOnTheFirstPoll() {
        site.publishStories(1000, 10, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = new TestChannel(TestSettings.forSite(site.apiBase())
                .startFrom(LAST_YEAR.plus(Duration.ofHours(4)))
                .build());

        channel.intake.poll();

        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1004, 6));
        assertThat(site.requestLog().getFirst())
                .isEqualTo("/api/v2/opinions?publishedafter=2025-02-28&skip=0&take=100");
    }

    @Test
    void takesOnlyNewStoriesOnTheNextPoll() {
        site.publishStories(1000, 120, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = channel();
        channel.intake.poll();
        site.publishStories(2000, 3, LAST_YEAR.plus(Duration.ofDays(30)), Duration.ofMinutes(5));

        StoryIntake.Run second = channel.intake.poll();

        assertThat(second.taken()).isEqualTo(3);
        assertThat(takenIds(channel)).doesNotHaveDuplicates().hasSize(123).endsWith("2000", "2001", "2002");
        assertThat(site.requestLog().getLast()).startsWith("/api/v2/opinions?publishedafter=2025-03-05&");
    }

    @Test
    void resumesAfterARestartDuringPagingWithoutLosingOrRepeatingAStory() {
        site.publishStories(1000, 250, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = new TestChannel(TestSettings.forSite(site.apiBase())
                .requestTimeout(Duration.ofSeconds(5), 0)
                .build());
        site.unavailableFrom(200);

        StoryIntake.Run interrupted = channel.intake.poll();
        site.unavailableFrom(Integer.MAX_VALUE);
        StoryIntake.Run resumed = channel.restart().intake.poll();

        assertThat(interrupted.taken()).isEqualTo(200);
        assertThat(interrupted.problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("503"));
        assertThat(resumed.taken()).isEqualTo(50);
        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1000, 250));
    }

    @Test
    void resumesWithoutLossOrDuplicatesWhenTheBrokerFailsMidPage() {
        site.publishStories(1000, 250, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = channel();
        channel.publisher.refuse(record -> record instanceof MentionReceived mention
                && mention.externalId().equals("1150"));

        StoryIntake.Run interrupted = channel.intake.poll();
        channel.publisher.acceptAll();
        StoryIntake.Run resumed = channel.restart().intake.poll();

        assertThat(interrupted.taken()).isEqualTo(150);
        assertThat(channel.health.status().inbound()).isEqualTo(ChannelState.HEALTHY);
        assertThat(resumed.taken()).isEqualTo(100);
        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1000, 250));
    }

    @Test
    void repeatsNoStoryWhenAKillLostTheCheckpointOfPagesItHadPublished() {
        site.publishStories(1000, 100, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = channel();
        channel.intake.poll();
        String afterFirstPage =
                channel.checkpoints.read(StoryKeys.opinions("careopinion")).orElseThrow();
        site.publishStories(1100, 150, LAST_YEAR.plus(Duration.ofDays(10)), Duration.ofHours(1));
        channel.intake.poll();

        channel.checkpoints.write(StoryKeys.opinions("careopinion"), afterFirstPage);
        StoryIntake.Run afterKill = channel.restart().intake.poll();

        assertThat(afterKill.taken()).isZero();
        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1000, 250));
    }

    @Test
    void aStoryWithdrawnFromTheSiteDoesNotHideTheNextOne() {
        site.publishStories(1000, 150, LAST_YEAR, Duration.ofMinutes(10));
        TestChannel channel = channel();
        channel.intake.poll();
        site.publishStories(2000, 3, LAST_YEAR.plus(Duration.ofDays(2)), Duration.ofMinutes(1));
        site.removeStory("1140");
        site.removeStory("1149");

        channel.intake.poll();

        assertThat(takenIds(channel)).hasSize(153).doesNotHaveDuplicates().endsWith("2000", "2001", "2002");
    }

    @Test
    void givesARecentStoryItsServicesCriticalityAndTags() {
        Instant published = TestChannel.NOW.minus(Duration.ofHours(3));
        site.publishStory(
                "1001",
                published,
                "Waited six hours in A&E",
                "The **nurses** were kind but\n\n- no one told us anything\n- <b>not</b> one update",
                "moderately critical");
        site.service("1001", "RJ122", "Emergency department", "RJ100");
        site.service("1001", "RJ999", "Patient transport", null);
        site.tag("1001", "Waiting times", "Timeliness", "negative");
        site.tag("1001", "Kind nurses", "Staff", "positive");
        TestChannel channel = new TestChannel(TestSettings.forSite(site.apiBase())
                .nacsServices(Map.of("RJ122", "emergency-department", "RJ100", "st-marys-hospital"))
                .build());

        channel.intake.poll();

        MentionReceived mention = channel.publisher.on(Topics.MENTIONS).getFirst();
        assertThat(mention.mentionId()).isEqualTo(MentionId.of(Channel.STORY, "1001"));
        assertThat(mention.account()).isEqualTo("careopinion");
        assertThat(mention.subject()).isEqualTo("Waited six hours in A&E");
        assertThat(mention.text())
                .isEqualTo("The **nurses** were kind but\n\n- no one told us anything\n- <b>not</b> one update");
        assertThat(mention.publishedAt()).isEqualTo(published);
        assertThat(mention.serviceHints()).containsExactly("emergency-department", "st-marys-hospital");
        assertThat(mention.attributes())
                .containsEntry("criticality", "moderately critical")
                .containsEntry("tags", "Waiting times (negative); Kind nurses (positive)")
                .containsEntry("nacsCodes", "RJ122, RJ100, RJ999")
                .containsEntry("unmappedNacsCodes", "RJ999")
                .containsEntry("progress", "The story has been read by staff")
                .containsEntry("authorRole", "patient")
                .containsEntry("storyUrl", "https://www.careopinion.org.uk/1001")
                .containsEntry("respondUrl", "https://www.careopinion.org.uk/1001/respond")
                .containsEntry("bodyFormat", "markdown")
                .containsEntry("details", "complete");
    }

    @Test
    void takesOlderStoriesFromTheListAloneDuringABackfill() {
        site.publishStories(1000, 3, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = channel();

        channel.intake.poll();

        assertThat(site.requests()).isEqualTo(2);
        assertThat(channel.publisher.on(Topics.MENTIONS))
                .hasSize(3)
                .allSatisfy(mention ->
                        assertThat(mention.attributes().get("details")).startsWith("deferred"));
    }

    @Test
    void toleratesFieldsItDoesNotKnow() {
        site.answerRaw("opinions?skip=0&take=100", """
                [{"id": 77, "title": "Lovely midwives", "body": "Thank you", "dateOfPublication": "2025-02-01T10:00:00",
                  "criticality": null, "newField": {"nested": [1, 2, {"deeper": true}]}, "score": 4.5,
                  "links": [{"relation": "web", "link": "https://www.careopinion.org.uk/77", "id": "77", "method": "GET"}]}]
                """);
        site.answerRaw("opinions?skip=1&take=100", "[]");
        TestChannel channel = channel();

        StoryIntake.Run run = channel.intake.poll();

        assertThat(run.problem()).isEmpty();
        MentionReceived mention = channel.publisher.on(Topics.MENTIONS).getFirst();
        assertThat(mention.externalId()).isEqualTo("77");
        assertThat(mention.publishedAt()).isEqualTo(Instant.parse("2025-02-01T10:00:00Z"));
        assertThat(mention.attributes()).doesNotContainKey("criticality");
    }

    @Test
    void deadLettersAStoryItCannotReadAndTakesTheOthersOnce() {
        String unreadable = "{\"id\":2,\"title\":\"No date\",\"body\":\"Where is my date?\"}";
        site.answerRaw("opinions?skip=0&take=100", "[" + """
                {"id": 1, "title": "First", "body": "a", "dateOfPublication": "2025-02-01T10:00:00Z"},""" + unreadable + "," + """
                {"id": 3, "title": "Third", "body": "c", "dateOfPublication": "2025-02-01T11:00:00Z"}]""");
        site.answerRaw("opinions?skip=3&take=100", "[]");
        site.answerRaw("opinions?publishedafter=2025-01-31&skip=0&take=100", "[]");
        TestChannel channel = channel();

        channel.intake.poll();
        channel.intake.poll();

        assertThat(takenIds(channel)).containsExactly("1", "3");
        List<DeadLettered> deadLetters = channel.publisher.on(Topics.DEAD_LETTERS);
        assertThat(deadLetters).singleElement().satisfies(dead -> {
            assertThat(dead.reason()).contains("dateOfPublication");
            assertThat(dead.payload()).isEqualTo(unreadable);
            assertThat(dead.source()).isEqualTo("story:careopinion");
            assertThat(dead.context()).containsEntry("offset", "1");
        });
    }

    @Test
    void deadLettersAStoryWhoseIdIsNoIdAndAsksTheSiteNothingAboutIt() {
        site.answerRaw("opinions?skip=0&take=100", """
                [{"id": "../../admin?take=1", "title": "Odd", "body": "a", "dateOfPublication": "2025-02-01T10:00:00Z"},
                 {"id": 3, "title": "Third", "body": "c", "dateOfPublication": "2025-02-01T11:00:00Z"}]""");
        site.answerRaw("opinions?skip=2&take=100", "[]");
        TestChannel channel = channel();

        channel.intake.poll();

        assertThat(takenIds(channel)).containsExactly("3");
        assertThat(channel.publisher.on(Topics.DEAD_LETTERS))
                .singleElement()
                .satisfies(dead -> assertThat(dead.reason()).contains("'id' is not a story-site id"));
        assertThat(site.requestLog()).noneMatch(path -> path.contains("admin"));
    }

    @Test
    void passesOnlyHttpsLinksOnTheSitesOwnHostToTheDesk() {
        site.answerRaw("opinions?skip=0&take=100", """
                [{"id": 5, "title": "Odd links", "body": "a", "dateOfPublication": "2025-02-01T10:00:00Z",
                  "links": [{"relation": "respond", "link": "javascript:alert(document.cookie)"},
                            {"relation": "web", "link": "https://careopinion.evil.example/5"}]},
                 {"id": 6, "title": "Good links", "body": "b", "dateOfPublication": "2025-02-01T11:00:00Z",
                  "links": [{"relation": "respond", "link": "https://www.careopinion.org.uk/6/respond?ref=x"},
                            {"relation": "web", "link": "http://www.careopinion.org.uk/6"}]}]""");
        site.answerRaw("opinions?skip=2&take=100", "[]");
        TestChannel channel = channel();

        channel.intake.poll();

        List<MentionReceived> mentions = channel.publisher.on(Topics.MENTIONS);
        assertThat(mentions.get(0).attributes())
                .containsEntry("respondUrl", "https://www.careopinion.org.uk/5/respond")
                .containsEntry("storyUrl", "https://www.careopinion.org.uk/5");
        assertThat(mentions.get(1).attributes())
                .containsEntry("respondUrl", "https://www.careopinion.org.uk/6/respond?ref=x")
                .containsEntry("storyUrl", "https://www.careopinion.org.uk/6");
    }

    @Test
    void deadLettersABrokenPageAndLosesNothingOnceItReadsAgain() {
        site.publishStories(1000, 5, LAST_YEAR, Duration.ofHours(1));
        site.answerRaw("opinions?skip=0&take=100", "[{\"id\": 1000, \"title\": \"cut off");
        TestChannel channel = channel();

        StoryIntake.Run broken = channel.intake.poll();
        site.clearRaw();
        StoryIntake.Run fixed = channel.intake.poll();

        assertThat(broken.taken()).isZero();
        assertThat(broken.problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("broken JSON"));
        assertThat(channel.publisher.on(Topics.DEAD_LETTERS))
                .singleElement()
                .satisfies(dead -> assertThat(dead.payload()).isEqualTo("[{\"id\": 1000, \"title\": \"cut off"));
        assertThat(fixed.taken()).isEqualTo(5);
        assertThat(takenIds(channel)).containsExactlyElementsOf(ids(1000, 5));
    }

    @Test
    void deadLettersUnreadableTagsAndStillTakesTheStory() {
        site.publishStory("1001", TestChannel.NOW.minus(Duration.ofDays(1)), "Clinic", "Fine", "not critical");
        site.service("1001", "RJ122", "Emergency department", null);
        site.answerRaw("opinions/1001/tags", "{\"tags\": 12}");
        TestChannel channel = channel();

        channel.intake.poll();

        MentionReceived mention = channel.publisher.on(Topics.MENTIONS).getFirst();
        assertThat(mention.attributes().get("details")).isEqualTo("partial: tags unreadable (dead-lettered)");
        assertThat(mention.attributes()).containsEntry("nacsCodes", "RJ122");
        assertThat(channel.publisher.on(Topics.DEAD_LETTERS)).singleElement().satisfies(dead -> {
            assertThat(dead.payload()).isEqualTo("{\"tags\": 12}");
            assertThat(dead.context()).containsEntry("opinionId", "1001").containsEntry("detail", "tags");
        });
    }

    @Test
    void takesAStoryWithdrawnWhileItsDetailsWereFetchedAsListed() {
        site.publishStory("1001", TestChannel.NOW.minus(Duration.ofDays(1)), "Clinic", "Fine", "not critical");
        site.publishStory("1002", TestChannel.NOW.minus(Duration.ofHours(20)), "Ward", "Good", "not critical");
        site.withdrawAfterListing("1001");
        TestChannel channel = channel();

        StoryIntake.Run run = channel.intake.poll();

        assertThat(run.problem()).isEmpty();
        assertThat(takenIds(channel)).containsExactly("1001", "1002");
        assertThat(channel.publisher.on(Topics.MENTIONS).getFirst().attributes().get("details"))
                .isEqualTo("partial: tags not found on the site; health services not found on the site");
    }

    @Test
    void reportsAuthFailedWhenTheKeyIsRedirectedToTheLoginPage() {
        site.publishStories(1000, 5, LAST_YEAR, Duration.ofHours(1));
        TestChannel channel = new TestChannel(
                TestSettings.forSite(site.apiBase()).key("revoked-key").build());

        channel.intake.poll();

        assertThat(channel.publisher.on(Topics.MENTIONS)).isEmpty();
        assertThat(channel.checkpoints.read(StoryKeys.opinions("careopinion"))).isEmpty();
        assertThat(channel.health.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(channel.health.status().detail())
                .contains("login page")
                .contains("HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY")
                .doesNotContain("revoked-key");
    }

    @Test
    void reportsAuthFailedWhenHtmlComesWhereJsonWasExpected() {
        site.publishStories(1000, 5, LAST_YEAR, Duration.ofHours(1));
        site.answerHtmlLoginPage(true);
        TestChannel channel = channel();

        channel.intake.poll();

        assertThat(channel.publisher.on(Topics.MENTIONS)).isEmpty();
        assertThat(channel.publisher.on(Topics.DEAD_LETTERS)).isEmpty();
        assertThat(channel.health.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        assertThat(channel.health.status().detail()).contains("HTML page where JSON was expected");
    }
}
