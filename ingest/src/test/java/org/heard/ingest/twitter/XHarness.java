package org.heard.ingest.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.heard.contracts.ConversationId;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.ReplyId;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.Responder;
import org.heard.ingest.channel.ChannelStatus;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.heard.platform.secrets.Secret;
import org.heard.platform.testing.MutableClock;
import org.heard.platform.testing.RecordingEventPublisher;

/**
 * One trust's X account against a {@link FakeX}: the production channel, pointed at the fake by
 * base URL only, with in-memory checkpoints and publisher that outlive a "restart" of the channel.
 */
final class XHarness implements AutoCloseable {

    static final String OWN_ID = "4242";
    static final String HANDLE = "StMaryTrust";
    static final Map<String, String> ENVIRONMENT = Map.of(
            "X_BEARER", FakeX.BEARER,
            "X_CONSUMER_KEY", FakeX.CONSUMER_KEY,
            "X_CONSUMER_SECRET", FakeX.CONSUMER_SECRET,
            "X_ACCESS_TOKEN", FakeX.ACCESS_TOKEN,
            "X_ACCESS_TOKEN_SECRET", FakeX.ACCESS_TOKEN_SECRET);

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T09:00:00Z"));
    final FakeX x = new FakeX(OWN_ID, HANDLE, clock);
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints(clock);
    final RecordingEventPublisher published = new RecordingEventPublisher();
    final ApiVersion api;
    final List<String> searches;
    Duration requestTimeout = Duration.ofSeconds(5);
    /** v2 signed with OAuth 1.0a user context instead of a bearer token. */
    boolean oauth1;

    Duration backfillMaxAge = Duration.ofHours(24);
    Map<String, String> environment = ENVIRONMENT;
    TwitterChannel channel;

    XHarness(ApiVersion api, String... searches) {
        this.api = api;
        this.searches = List.of(searches);
        restart();
    }

    /** A new channel over the same checkpoints, publisher and X: what a process restart looks like. */
    XHarness restart() {
        var useOAuth1 = api == ApiVersion.V1 || oauth1;
        var account = new Account(
                HANDLE,
                OWN_ID,
                api,
                api == ApiVersion.V2 ? x.v2BaseUrl() : x.v1BaseUrl(),
                searches,
                true,
                true,
                api == ApiVersion.V2 && !oauth1 ? new Secret("env:X_BEARER") : null,
                useOAuth1 ? new Secret("env:X_CONSUMER_KEY") : null,
                useOAuth1 ? new Secret("env:X_CONSUMER_SECRET") : null,
                useOAuth1 ? new Secret("env:X_ACCESS_TOKEN") : null,
                useOAuth1 ? new Secret("env:X_ACCESS_TOKEN_SECRET") : null,
                null);
        var settings = new TwitterSettings(
                true, List.of(account), Duration.ofMinutes(1), backfillMaxAge, requestTimeout, 10, null);
        channel = new TwitterChannel(
                settings, published, checkpoints, clock, environment, TwitterChannel.realApis(settings, clock));
        return this;
    }

    void poll() {
        channel.pollAll();
    }

    ChannelStatus status() {
        return channel.connectors().getFirst().status();
    }

    MentionReceived mentionWithText(String text) {
        return published.mentions().stream()
                .filter(mention -> mention.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No mention '" + text + "' in " + published.texts()));
    }

    ReplyRequested replyTo(MentionReceived mention, String text, boolean privately) {
        return replyTo(mention, text, privately, ReplyId.random());
    }

    ReplyRequested replyTo(MentionReceived mention, String text, boolean privately, ReplyId replyId) {
        return new ReplyRequested(
                replyId,
                mention.mentionId(),
                mention.conversationId(),
                mention.channel(),
                mention.account(),
                new Responder("sam", "Sam Patel", "Patient Experience Lead"),
                text,
                privately,
                clock.instant());
    }

    static ConversationId conversationOf(MentionReceived mention) {
        return mention.conversationId();
    }

    @Override
    public void close() {
        channel.stop();
        x.close();
    }
}
