package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.secrets.Secret;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TwitterChannelConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TwitterChannelConfiguration.class)
            .withBean(EventPublisher.class, RecordingEventPublisher::new)
            .withBean(CheckpointStore.class, MemoryCheckpoints::new);

    @Test
    void withNoSettingsTheChannelIsShownAsNotConfiguredWithAPointerToTheSettings() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            var channel = started.getBean(TwitterChannel.class);
            assertThat(channel.connectors()).singleElement().satisfies(connector -> {
                ChannelStatus status = connector.status();
                assertThat(status.channel()).isEqualTo(Channel.TWITTER);
                assertThat(status.inbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
                assertThat(status.outbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
                assertThat(status.detail())
                        .contains("heard.channel.twitter.accounts[0]")
                        .contains("docs/channels/twitter.md");
            });
            assertThat(channel.isRunning()).isFalse();
            assertThat(started.getBean(ReplySender.class).channel()).isEqualTo(Channel.TWITTER);
            assertThat(started.getBeansOfType(ChannelConnector.class).values())
                    .singleElement()
                    .satisfies(connector ->
                            assertThat(connector.status().inbound()).isEqualTo(ChannelState.NOT_CONFIGURED));
        });
    }

    @Test
    void bindsAnAccountFromPropertiesAndReadsItsTokenFromTheEnvironmentOnly() {
        context.withPropertyValues(
                        "heard.channel.twitter.poll-interval=30s",
                        "heard.channel.twitter.accounts[0].handle=StMaryTrust",
                        "heard.channel.twitter.accounts[0].user-id=4242",
                        "heard.channel.twitter.accounts[0].api=v2",
                        "heard.channel.twitter.accounts[0].searches[0]=#StMarys",
                        "heard.channel.twitter.accounts[0].bearer-token=env:HEARD_TEST_UNSET_X_TOKEN")
                .run(started -> {
                    var settings = started.getBean(TwitterSettings.class);
                    var account = settings.accounts().getFirst();
                    assertThat(account.handle()).isEqualTo("@StMaryTrust");
                    assertThat(account.api()).isEqualTo(ApiVersion.V2);
                    assertThat(account.baseUrl()).hasToString("https://api.x.com/");
                    assertThat(account.searches()).containsExactly("#StMarys");
                    assertThat(account.directMessages()).isTrue();
                    assertThat(account.enabled()).isTrue();
                    assertThat(settings.enabled()).isTrue();
                    assertThat(settings.backfillMaxAge()).isEqualTo(Duration.ofHours(24));
                    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
                    var status = started.getBean(ChannelConnector.class).status();
                    assertThat(status.account()).isEqualTo("@StMaryTrust");
                    assertThat(status.inbound()).isEqualTo(ChannelState.NOT_CONFIGURED);
                    assertThat(status.detail()).contains("HEARD_TEST_UNSET_X_TOKEN is not set");
                });
    }

    @Test
    void pollsAConfiguredAccountOnceTheContextStartsAndStopsWithIt(@TempDir Path directory) throws Exception {
        var token = directory.resolve("x-token");
        Files.writeString(token, FakeX.BEARER);
        var publisher = new RecordingEventPublisher();
        try (var x = new FakeX("4242", "StMaryTrust", Clock.systemUTC())) {
            x.mention("patient", "@StMaryTrust the new car park is great");
            new ApplicationContextRunner()
                    .withUserConfiguration(TwitterChannelConfiguration.class)
                    .withBean(EventPublisher.class, () -> publisher)
                    .withBean(CheckpointStore.class, MemoryCheckpoints::new)
                    .withPropertyValues(
                            "heard.channel.twitter.accounts[0].handle=StMaryTrust",
                            "heard.channel.twitter.accounts[0].user-id=4242",
                            "heard.channel.twitter.accounts[0].base-url=" + x.v2BaseUrl(),
                            "heard.channel.twitter.accounts[0].bearer-token=file:" + token)
                    .run(started -> {
                        var channel = started.getBean(TwitterChannel.class);
                        assertThat(channel.isRunning()).isTrue();
                        await().atMost(Duration.ofSeconds(20))
                                .untilAsserted(() -> assertThat(publisher.texts())
                                        .containsExactly("@StMaryTrust the new car park is great"));
                        assertThat(channel.connectors().getFirst().status().inbound())
                                .isEqualTo(ChannelState.HEALTHY);
                    });
        }
    }

    @Test
    void everyAccountIsAConnectorBeanOfItsOwn() {
        context.withPropertyValues(
                        "heard.channel.twitter.accounts[0].handle=StMaryTrust",
                        "heard.channel.twitter.accounts[0].user-id=4242",
                        "heard.channel.twitter.accounts[0].api=v1",
                        "heard.channel.twitter.accounts[1].handle=StMaryMaternity",
                        "heard.channel.twitter.accounts[1].user-id=4343",
                        "heard.channel.twitter.accounts[1].enabled=false")
                .run(started -> {
                    var connectors = started.getBeansOfType(ChannelConnector.class);
                    assertThat(connectors.get("twitterConnector0").status().account())
                            .isEqualTo("@StMaryTrust");
                    assertThat(connectors.get("twitterConnector0").status().inbound())
                            .isEqualTo(ChannelState.NOT_CONFIGURED);
                    assertThat(connectors.get("twitterConnector1").status().account())
                            .isEqualTo("@StMaryMaternity");
                    assertThat(connectors.get("twitterConnector1").status().inbound())
                            .isEqualTo(ChannelState.DISABLED);
                    assertThat(connectors).hasSize(2);
                });
    }

    @Test
    void refusesASecretWrittenIntoTheSettings() {
        context.withPropertyValues(
                        "heard.channel.twitter.accounts[0].handle=StMaryTrust",
                        "heard.channel.twitter.accounts[0].user-id=4242",
                        "heard.channel.twitter.accounts[0].bearer-token=AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("env:NAME or file:/path")
                        .hasMessageNotContaining("AAAAAAAA"));
    }

    @Test
    void isAbsentWhenThisInstanceDoesNotIngest() {
        context.withPropertyValues("heard.roles=desk,triage")
                .run(started -> assertThat(started)
                        .doesNotHaveBean(TwitterChannel.class)
                        .doesNotHaveBean(ReplySender.class)
                        .doesNotHaveBean(ChannelConnector.class));
    }

    @Test
    void accountWithoutCredentialsOrSwitchedOffIsShownAndNeverPolled() {
        var noCredentials =
                new Account("@A", "1", ApiVersion.V1, null, List.of(), true, true, null, null, null, null, null, null);
        var off = new Account(
                "@B",
                "2",
                ApiVersion.V2,
                null,
                List.of(),
                true,
                false,
                new Secret("env:X"),
                null,
                null,
                null,
                null,
                null);
        var settings = new TwitterSettings(true, List.of(noCredentials, off), null, null, null, 10, null);
        var channel = new TwitterChannel(
                settings,
                new RecordingEventPublisher(),
                new MemoryCheckpoints(),
                new MutableClock(Instant.EPOCH),
                Map.of("X", "token"),
                (account, credentials) -> {
                    throw new AssertionError("no API client may be made for " + account.handle());
                });

        channel.start();

        assertThat(channel.connectors())
                .extracting(connector -> connector.status().inbound())
                .containsExactly(ChannelState.NOT_CONFIGURED, ChannelState.DISABLED);
        assertThat(channel.connectors().getFirst().status().detail())
                .contains("accounts[0].consumer-key")
                .contains("docs/channels/twitter.md");
        assertThat(channel.isRunning()).isFalse();
        channel.stop();
    }

    @Test
    void readsASecretFromAFile(@TempDir Path directory) throws Exception {
        var file = directory.resolve("x-token");
        Files.writeString(file, "from-a-file\n");

        assertThat(new Secret("file:" + file).read(Map.of())).isEqualTo("from-a-file");
        assertThat(new Secret("file:" + file)).hasToString("Secret[file:" + file + "]");
    }
}
