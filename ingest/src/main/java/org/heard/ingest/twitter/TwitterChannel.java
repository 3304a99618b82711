package org.heard.ingest.twitter;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelAccount;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelLeases;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.PeriodicPoller;
import org.heard.ingest.channel.Staleness;
import org.heard.ingest.twitter.TwitterSettings.Account;
import org.heard.platform.checkpoint.CheckpointStore;
import org.heard.platform.events.EventPublisher;
import org.heard.platform.secrets.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The X channel as configured: one connector (health), intake and sending account per configured
 * account, and a scheduler that polls each account while this instance holds its lease. Accounts without credentials, or none at all,
 * show as NOT_CONFIGURED with a pointer to the settings and are never polled.
 */
public final class TwitterChannel implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TwitterChannel.class);

    private final TwitterSettings settings;
    private final List<ChannelConnector> connectors = new ArrayList<>();
    private final List<TweetIntake> intakes = new ArrayList<>();
    /** The account each intake polls, in the same order. */
    private final List<ChannelAccount> polled = new ArrayList<>();

    private final List<PeriodicPoller> pollers = new ArrayList<>();
    private final TwitterReplySender sender;
    private final ChannelLeases leases;
    private final ConversationMemory memory;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    /** Builds the X API client of one account from its resolved credentials. */
    @FunctionalInterface
    interface ApiFactory {
        XApi create(Account account, Credentials credentials);
    }

    /** Resolved credential values: held in memory only, never logged. */
    record Credentials(
            String bearerToken,
            String consumerKey,
            String consumerSecret,
            String accessToken,
            String accessTokenSecret) {
        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    TwitterChannel(
            TwitterSettings settings,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            Map<String, String> environment,
            ApiFactory apis) {
        this(settings, publisher, checkpoints, clock, environment, apis, ChannelLeases.allOnThisInstance());
    }

    TwitterChannel(
            TwitterSettings settings,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            Map<String, String> environment,
            ApiFactory apis,
            ChannelLeases leases) {
        this.settings = settings;
        this.leases = leases;
        this.memory = new ConversationMemory(checkpoints);
        this.clock = clock;
        var sending = new LinkedHashMap<String, TwitterReplySender.Sending>();
        if (settings.accounts().isEmpty()) {
            connectors.add(
                    new AccountHealth("(no account)", ChannelState.NOT_CONFIGURED, TwitterSettings.SETTINGS_POINTER));
        }
        for (int index = 0; index < settings.accounts().size(); index++) {
            var account = settings.accounts().get(index);
            var pointer = "heard.channel.twitter.accounts[" + index + "]";
            if (!settings.enabled() || !account.enabled()) {
                connectors.add(new AccountHealth(
                        account.handle(),
                        ChannelState.DISABLED,
                        "Switched off (" + (settings.enabled() ? pointer + ".enabled" : "heard.channel.twitter.enabled")
                                + "=false)"));
                continue;
            }
            if (!account.hasCredentials()) {
                connectors.add(new AccountHealth(
                        account.handle(),
                        ChannelState.NOT_CONFIGURED,
                        "No credentials for X API " + account.api().name().toLowerCase(Locale.ROOT) + ": set "
                                + (account.api() == TwitterSettings.ApiVersion.V2
                                        ? pointer
                                                + ".consumer-key, .consumer-secret, .access-token and .access-token-secret (or .bearer-token)"
                                        : pointer
                                                + ".consumer-key, .consumer-secret, .access-token and .access-token-secret")
                                + " (env:NAME or file:/path) — see docs/channels/twitter.md"));
                continue;
            }
            Credentials credentials;
            try {
                credentials = resolve(account, environment);
            } catch (Secret.Missing e) {
                connectors.add(new AccountHealth(
                        account.handle(),
                        ChannelState.NOT_CONFIGURED,
                        "Credentials for " + account.handle() + " cannot be read: " + e.getMessage() + " (" + pointer
                                + ")"));
                continue;
            }
            var health = new AccountHealth(
                    account.handle(),
                    ChannelState.HEALTHY,
                    null,
                    Staleness.ofPolls(
                            settings.pollInterval(),
                            settings.staleAfterPolls(),
                            "heard.channel.twitter.stale-after-polls=" + settings.staleAfterPolls()
                                    + " × poll-interval=" + settings.pollInterval()),
                    account.tokenExpiresAt(),
                    clock);
            var api = apis.create(account, credentials);
            connectors.add(health);
            intakes.add(new TweetIntake(
                    account,
                    api,
                    publisher,
                    checkpoints,
                    health,
                    settings.pollInterval(),
                    settings.backfillMaxAge(),
                    clock));
            polled.add(new ChannelAccount(Channel.TWITTER, account.handle()));
            sending.put(account.key(), new TwitterReplySender.Sending(account.userId(), api, health));
        }
        this.sender = new TwitterReplySender(sending, checkpoints, clock);
    }

    /** The production wiring: the real environment, v2 over the JDK HTTP client, v1.1 over Twitter4J. */
    public static TwitterChannel create(
            TwitterSettings settings,
            EventPublisher publisher,
            CheckpointStore checkpoints,
            Clock clock,
            ChannelLeases leases) {
        return new TwitterChannel(
                settings, publisher, checkpoints, clock, System.getenv(), realApis(settings, clock), leases);
    }

    static ApiFactory realApis(TwitterSettings settings, Clock clock) {
        var http = HttpClient.newBuilder()
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return (account, credentials) -> switch (account.api()) {
            case V2 ->
                new XApiV2(
                        account.baseUrl(),
                        account.userId(),
                        v2Authorizer(credentials, clock),
                        http,
                        settings.requestTimeout(),
                        clock);
            case V1 -> new XApiV1(account, credentials, settings.requestTimeout(), clock);
        };
    }

    /** OAuth 1.0a user context when its keys are configured (it does not expire), else the bearer token. */
    private static XApiV2.Authorizer v2Authorizer(Credentials credentials, Clock clock) {
        return credentials.consumerKey() != null
                ? XApiV2.Authorizer.oauth1(new OAuth1(
                        credentials.consumerKey(),
                        credentials.consumerSecret(),
                        credentials.accessToken(),
                        credentials.accessTokenSecret(),
                        clock))
                : XApiV2.Authorizer.bearer(credentials.bearerToken());
    }

    private static Credentials resolve(Account account, Map<String, String> environment) {
        if (account.hasOAuth1()) {
            return new Credentials(
                    null,
                    account.consumerKey().read(environment),
                    account.consumerSecret().read(environment),
                    account.accessToken().read(environment),
                    account.accessTokenSecret().read(environment));
        }
        return new Credentials(account.bearerToken().read(environment), null, null, null, null);
    }

    /** One connector per configured account (or one NOT_CONFIGURED when there are none), for health and the desk. */
    public List<ChannelConnector> connectors() {
        return List.copyOf(connectors);
    }

    public TwitterReplySender replySender() {
        return sender;
    }

    /** Polls every account once, now; the scheduler calls this too. */
    void pollAll() {
        for (var intake : intakes) {
            pollSafely(intake);
        }
    }

    /**
     * Forgets conversations older than {@code conversation-memory}, so the memory stays bounded; the
     * scheduler runs it once a day. An answer to a forgotten tweet starts a case of its own.
     */
    long forgetOldConversations() {
        var cutoff = clock.instant().minus(settings.conversationMemory());
        try {
            long forgotten = memory.forgetOlderThan(cutoff);
            if (forgotten > 0) {
                log.info("Forgot {} X conversations taken in before {}", forgotten, cutoff);
            }
            return forgotten;
        } catch (RuntimeException e) {
            log.warn("Could not forget old X conversations; trying again tomorrow: {}", e.toString());
            return 0;
        }
    }

    private static void pollSafely(TweetIntake intake) {
        try {
            intake.poll();
        } catch (RuntimeException e) {
            // Never let one bad poll end the schedule; the intake reports what it knows in its health.
            log.error("X poll failed unexpectedly", e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || intakes.isEmpty()) {
            return;
        }
        scheduler = Executors.newScheduledThreadPool(
                1, Thread.ofPlatform().name("x-intake-", 0).daemon(true).factory());
        // The leases start an account's polling when this instance may poll it (at once when alone).
        for (int index = 0; index < intakes.size(); index++) {
            var intake = intakes.get(index);
            var poller =
                    new PeriodicPoller(polled.get(index), scheduler, settings.pollInterval(), () -> pollSafely(intake));
            pollers.add(poller);
            leases.hold(poller);
        }
        scheduler.scheduleWithFixedDelay(this::forgetOldConversations, 1, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    @Override
    public synchronized void stop() {
        pollers.forEach(leases::release);
        pollers.clear();
        if (scheduler != null) {
            // Let a poll in progress finish its calls (each bounded by the request timeout) before
            // interrupting it: an interrupted poll keeps its checkpoint, but says FAILING on the way out.
            scheduler.shutdown();
            try {
                if (!scheduler.awaitTermination(settings.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                    scheduler.shutdownNow();
                }
            } catch (InterruptedException e) {
                scheduler.shutdownNow();
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
