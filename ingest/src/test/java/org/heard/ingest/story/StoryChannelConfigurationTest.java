package org.heard.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ReplySender;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.testing.InMemoryCheckpointStore;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class StoryChannelConfigurationTest {

    private final RecordingEventPublisher publisher = new RecordingEventPublisher();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(EventPublisher.class, () -> publisher)
            .withBean(CheckpointStore.class, InMemoryCheckpointStore::new)
            .withUserConfiguration(StoryChannelConfiguration.class);

    @Test
    void startsWithoutAKeyAndShowsTheChannelAsNotConfigured() {
        runner.withPropertyValues("heard.roles=ingest").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ChannelConnector.class).status().inbound())
                    .isEqualTo(ChannelState.NOT_CONFIGURED);
            assertThat(context.getBean(ReplySender.class).channel()).isEqualTo(org.heard.contracts.Channel.STORY);
        });
    }

    @Test
    void takesTheSubscriptionKeyFromTheEnvironment() {
        try (FakeCareOpinion site = FakeCareOpinion.start()) {
            site.publishStories(1000, 1, TestChannel.NOW.minus(Duration.ofDays(400)), Duration.ofHours(1));
            runner.withInitializer(context -> context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new SystemEnvironmentPropertySource(
                                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                    Map.of("HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY", FakeCareOpinion.KEY))))
                    .withPropertyValues("heard.roles=ingest", "heard.channel.story.base-url=" + site.apiBase())
                    .run(context -> await().atMost(Duration.ofSeconds(20))
                            .untilAsserted(() ->
                                    assertThat(publisher.on(Topics.MENTIONS)).hasSize(1)));
        }
    }

    @Test
    void isAbsentWhereThisInstanceDoesNotIngest() {
        runner.withPropertyValues("heard.roles=desk,triage")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ChannelConnector.class)
                        .doesNotHaveBean(StoryPolling.class));
    }

    @Test
    void refusesToStartWithAPageLargerThanTheApiAllows() {
        runner.withPropertyValues("heard.roles=ingest", "heard.channel.story.page-size=500")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("heard.channel.story.page-size"));
    }

    @Test
    void pollsTheSiteNamedInTheSettingsOnceStarted() {
        try (FakeCareOpinion site = FakeCareOpinion.start()) {
            site.publishStories(1000, 3, TestChannel.NOW.minus(Duration.ofDays(400)), Duration.ofHours(1));
            runner.withPropertyValues(
                            "heard.roles=ingest",
                            "heard.channel.story.base-url=" + site.apiBase(),
                            "heard.channel.story.subscription-key=" + FakeCareOpinion.KEY,
                            "heard.channel.story.subscription=st-marys")
                    .run(context -> {
                        await().atMost(Duration.ofSeconds(20))
                                .untilAsserted(() -> assertThat(publisher.on(Topics.MENTIONS))
                                        .hasSize(3));
                        assertThat(publisher.on(Topics.MENTIONS))
                                .allSatisfy(
                                        mention -> assertThat(mention.account()).isEqualTo("st-marys"));
                        await().atMost(Duration.ofSeconds(20))
                                .untilAsserted(() -> assertThat(site.requestLog())
                                        .anyMatch(request -> request.startsWith("/api/v2/responses")));
                        assertThat(context.getBean(ChannelConnector.class)
                                        .status()
                                        .lastSuccessfulFetch())
                                .isNotNull();
                    });
        }
    }
}
