package org.heard.ingest.story;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.heard.platform.secrets.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Care Opinion channel, {@code heard.channel.story.*}. Validated when bound: a bad
 * value stops the application with a message naming the property.
 *
 * <p>The subscription key is a secret: give it through the environment
 * ({@code HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY}) or a file ({@code heard.channel.story.subscription-key-file},
 * e.g. a mounted Kubernetes secret), never in a committed properties file. It is never logged and
 * {@link #toString()} hides it.
 *
 * @param enabled switch the channel off without removing its settings
 * @param subscription a short name for the trust's subscription; it names the checkpoints and the account on mentions
 * @param baseUrl the API root; the same paths serve careopinion.org.au and careopinion.ie
 * @param siteUrl the public web site, for the links staff open (story page, respond page)
 * @param subscriptionKey the API key, from the environment only
 * @param subscriptionKeyFile a file holding the API key (used when {@code subscriptionKey} is not set)
 * @param pollInterval pause between two polls of stories and responses
 * @param pageSize stories per page, 1 to 100 (the API's maximum)
 * @param requestsPerSecond client-side pacing, at most 5 (the API's limit)
 * @param requestTimeout how long one request may take before it counts as failed
 * @param maxRetries retries of one request after a timeout, a server error or a 429
 * @param filters extra website search filters for the opinions query, e.g. {@code tag}, {@code nacs}
 * @param startFrom on the very first poll, take stories published from this instant (null: all)
 * @param detailWindow stories published within this window are fetched with their tags and health
 *     services (two requests each); older ones (a backfill) are taken from the list alone
 * @param nacsServices the trust's service catalogue ids by NACS/ODS code
 * @param staleAfter no successful poll for this long makes the channel STALE
 * @param reconcileTimeout a draft not seen on the site within this time is reported as failed
 * @param matchThreshold how alike (0..1) a published response and a draft must be to be the same reply
 * @param tokenExpiresAt when the subscription key expires, if known: the desk warns two weeks ahead
 */
@ConfigurationProperties("heard.channel.story")
public record StorySettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("careopinion") String subscription,

        @DefaultValue("https://www.careopinion.org.uk/api/v2/")
        URI baseUrl,

        @DefaultValue("https://www.careopinion.org.uk/") URI siteUrl,
        String subscriptionKey,
        Path subscriptionKeyFile,
        @DefaultValue("2m") Duration pollInterval,
        @DefaultValue("100") int pageSize,
        @DefaultValue("5") double requestsPerSecond,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("3") int maxRetries,
        Map<String, String> filters,
        Instant startFrom,
        @DefaultValue("14d") Duration detailWindow,
        Map<String, String> nacsServices,
        @DefaultValue("30m") Duration staleAfter,
        @DefaultValue("48h") Duration reconcileTimeout,
        @DefaultValue("0.8") double matchThreshold,
        Instant tokenExpiresAt) {

    static final String PREFIX = "heard.channel.story";

    /** Filters the connector sets itself; configuring them would break paging and checkpoints. */
    private static final Set<String> OWN_QUERY_PARAMETERS = Set.of("skip", "take", "publishedafter");

    public StorySettings {
        require(
                subscription != null && subscription.matches("[A-Za-z0-9._-]{1,64}"),
                "subscription must be 1-64 letters, digits, '.', '_' or '-'");
        require(baseUrl != null && baseUrl.isAbsolute(), "base-url must be an absolute URL");
        baseUrl = withTrailingSlash(baseUrl);
        require(siteUrl != null && siteUrl.isAbsolute(), "site-url must be an absolute URL");
        siteUrl = withTrailingSlash(siteUrl);
        require(positive(pollInterval), "poll-interval must be positive");
        require(pageSize >= 1 && pageSize <= 100, "page-size must be between 1 and 100 (the API's maximum take)");
        require(
                requestsPerSecond > 0 && requestsPerSecond <= 5,
                "requests-per-second must be above 0 and at most 5 (the API's rate limit)");
        require(positive(requestTimeout), "request-timeout must be positive");
        require(maxRetries >= 0 && maxRetries <= 10, "max-retries must be between 0 and 10");
        filters = filters == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(filters));
        for (String name : filters.keySet()) {
            require(
                    !OWN_QUERY_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT)),
                    "filters." + name
                            + " is set by the connector itself (paging and checkpoints); use start-from instead");
        }
        require(detailWindow != null && !detailWindow.isNegative(), "detail-window must not be negative");
        nacsServices = nacsServices == null ? Map.of() : Map.copyOf(nacsServices);
        require(positive(staleAfter), "stale-after must be positive");
        require(positive(reconcileTimeout), "reconcile-timeout must be positive");
        require(matchThreshold > 0 && matchThreshold <= 1, "match-threshold must be above 0 and at most 1");
    }

    /** The key from the environment, else from the key file; empty when neither is set (or the file cannot be read). */
    Optional<String> key() {
        boolean given = subscriptionKey != null && !subscriptionKey.isBlank();
        try {
            return Secret.givenOrFile(
                            given ? subscriptionKey : null,
                            given ? null : subscriptionKeyFile,
                            PREFIX + ".subscription-key")
                    .map(Secret::read);
        } catch (Secret.Missing e) {
            // Reported as not configured with the path, never with the content.
            return Optional.empty();
        }
    }

    /** Where an operator sets the key: shown in health when it is missing or refused. */
    static String keyPointer() {
        return "set the environment variable HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY or " + PREFIX
                + ".subscription-key-file (a Care Opinion API subscription key)";
    }

    @Override
    public String toString() {
        return "StorySettings[enabled=" + enabled + ", subscription=" + subscription + ", baseUrl=" + baseUrl
                + ", subscriptionKey=" + (key().isPresent() ? "(set)" : "(not set)") + ", subscriptionKeyFile="
                + subscriptionKeyFile + ", pollInterval=" + pollInterval + ", pageSize=" + pageSize + ", filters="
                + filters
                + ", startFrom=" + startFrom + ", detailWindow=" + detailWindow + ", nacsServices=" + nacsServices
                + ", staleAfter=" + staleAfter + ", reconcileTimeout=" + reconcileTimeout + ", tokenExpiresAt="
                + tokenExpiresAt + "]";
    }

    private static URI withTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    private static boolean positive(Duration duration) {
        return duration != null && duration.isPositive();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(PREFIX + "." + message);
        }
    }
}
