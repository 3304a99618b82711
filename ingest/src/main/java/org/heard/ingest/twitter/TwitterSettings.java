package org.heard.ingest.twitter;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.heard.platform.secrets.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code heard.channel.twitter}: the X accounts Heard listens on and answers from.
 *
 * @param enabled switches the whole channel off without removing the accounts
 * @param pollInterval how often mentions, searches and DMs are fetched when X is not asking us to wait
 * @param backfillMaxAge on the very first start of an account (no checkpoint yet), how far back to fetch
 * @param requestTimeout how long one call to X may take before it counts as a timeout
 * @param staleAfterPolls an account with no successful fetch for this many poll intervals is STALE
 *     (unless X said why: refused credentials, or a rate limit with its reset still ahead)
 * @param conversationMemory how long Heard remembers a tweet's conversation, so a later answer to
 *     it joins the same case; an answer to an older tweet starts a case of its own
 */
@ConfigurationProperties("heard.channel.twitter")
public record TwitterSettings(
        @DefaultValue("true") boolean enabled,
        List<Account> accounts,
        @DefaultValue("60s") Duration pollInterval,
        @DefaultValue("24h") Duration backfillMaxAge,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("10") int staleAfterPolls,
        @DefaultValue("90d") Duration conversationMemory) {

    /** Where an operator is sent when the channel has nothing to run with. */
    public static final String SETTINGS_POINTER =
            "Set heard.channel.twitter.accounts[0].* (handle, user-id, api, credentials as env:NAME or file:/path) — see docs/channels/twitter.md";

    public TwitterSettings {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        pollInterval = positive(pollInterval, Duration.ofSeconds(60), "heard.channel.twitter.poll-interval");
        backfillMaxAge = positive(backfillMaxAge, Duration.ofHours(24), "heard.channel.twitter.backfill-max-age");
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(10), "heard.channel.twitter.request-timeout");
        if (staleAfterPolls < 1) {
            throw new IllegalArgumentException(
                    "heard.channel.twitter.stale-after-polls must be at least 1, was " + staleAfterPolls);
        }
        conversationMemory =
                positive(conversationMemory, Duration.ofDays(90), "heard.channel.twitter.conversation-memory");
        var handles = accounts.stream().map(Account::handle).distinct().count();
        if (handles != accounts.size()) {
            throw new IllegalArgumentException("heard.channel.twitter.accounts has the same handle twice");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /** Which X API generation an account uses. */
    public enum ApiVersion {
        /** X API v2 (pay-per-use access most organisations have), through Heard's own client. */
        V2,
        /** v1.1 (enterprise access only), through Twitter4J. */
        V1;
    }

    /**
     * One X account.
     *
     * @param handle the account's handle, with or without the leading {@code @}; stored with it
     * @param userId X's numeric id of the account: mentions are fetched by it and our own posts recognised by it
     * @param api {@code v2} (default) or {@code v1}
     * @param baseUrl where the API lives; defaults to {@code https://api.x.com/} (v2) or
     *     {@code https://api.twitter.com/1.1/} (v1.1, Twitter4J's restBaseURL); always ends in {@code /}
     * @param searches search queries (handles, hashtags, hospital names) polled besides the mentions
     * @param directMessages whether DMs are fetched (needs user-context credentials)
     * @param bearerToken v2 only: an app-only token (reads mentions and searches; cannot post or read
     *     DMs) or an OAuth 2.0 user token (expires after two hours); used when no OAuth 1.0a keys are set
     * @param consumerKey OAuth 1.0a user context (v1.1 needs it; v2 prefers it): consumer key, likewise
     *     the consumer secret, access token and access token secret
     * @param tokenExpiresAt when the credentials expire (an OAuth 2.0 user token, a contract's end), if
     *     known: the desk warns two weeks ahead; X's OAuth 1.0a tokens do not expire by themselves
     */
    public record Account(
            String handle,
            String userId,
            ApiVersion api,
            URI baseUrl,
            List<String> searches,
            @DefaultValue("true") boolean directMessages,
            @DefaultValue("true") boolean enabled,
            Secret bearerToken,
            Secret consumerKey,
            Secret consumerSecret,
            Secret accessToken,
            Secret accessTokenSecret,
            java.time.Instant tokenExpiresAt) {

        public Account {
            if (handle == null || handle.isBlank()) {
                throw new IllegalArgumentException("heard.channel.twitter.accounts[].handle must be set");
            }
            handle = handle.strip();
            handle = handle.startsWith("@") ? handle : "@" + handle;
            if (userId == null || !userId.strip().matches("\\d+")) {
                throw new IllegalArgumentException("heard.channel.twitter.accounts[" + handle
                        + "].user-id must be X's numeric user id, was " + userId);
            }
            userId = userId.strip();
            api = api == null ? ApiVersion.V2 : api;
            if (baseUrl == null) {
                baseUrl = URI.create(api == ApiVersion.V2 ? "https://api.x.com/" : "https://api.twitter.com/1.1/");
            } else if (!baseUrl.toString().endsWith("/")) {
                baseUrl = URI.create(baseUrl + "/");
            }
            searches = searches == null
                    ? List.of()
                    : searches.stream()
                            .map(String::strip)
                            .filter(query -> !query.isEmpty())
                            .toList();
        }

        /** The lower-case handle used in checkpoint keys, so a change of letter case keeps the position. */
        String key() {
            return handle.toLowerCase(Locale.ROOT);
        }

        /** Whether credentials for this account's API version are configured at all. */
        boolean hasCredentials() {
            return switch (api) {
                case V2 -> hasOAuth1() || bearerToken != null;
                case V1 -> hasOAuth1();
            };
        }

        /** OAuth 1.0a user context: all four parts. v2 prefers it to a bearer token, v1.1 needs it. */
        boolean hasOAuth1() {
            return consumerKey != null && consumerSecret != null && accessToken != null && accessTokenSecret != null;
        }
    }
}
