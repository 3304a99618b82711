package org.heard.ingest.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.SendResult;
import org.heard.ingest.twitter.TwitterSettings.ApiVersion;
import org.junit.jupiter.api.Test;

class OAuth1Test {

    @Test
    void signsXsDocumentedExampleRequestToTheDocumentedSignature() {
        // The worked example of X's "Creating a signature" guide.
        var oauth = new OAuth1(
                "xvz1evFS4wEEPTGEFPHBog",
                "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
                Clock.fixed(Instant.ofEpochSecond(1318622958), ZoneOffset.UTC),
                () -> "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");

        var header = oauth.authorization(
                "POST",
                URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true"),
                Map.of("status", "Hello Ladies + Gentlemen, a signed OAuth request!"));

        assertThat(header)
                .startsWith("OAuth ")
                .contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\"")
                .contains("oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\"")
                .doesNotContain("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw")
                .doesNotContain("LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE");
    }

    @Test
    void encodesAsTheRfcSaysNotAsHtmlFormsDo() {
        assertThat(OAuth1.encode("Ladies + Gentlemen, a ☃!"))
                .isEqualTo("Ladies%20%2B%20Gentlemen%2C%20a%20%E2%98%83%21");
        assertThat(OAuth1.encode("A-z_0.9~")).isEqualTo("A-z_0.9~");
    }

    @Test
    void v2AccountWithOAuth1KeysReadsAndPostsInUserContext() {
        var harness = new XHarness(ApiVersion.V2, "St Mary's A&E, ward 7*");
        harness.oauth1 = true;
        harness.restart();
        try (harness) {
            var tweet = harness.x.mention("patient", "@StMaryTrust hello");
            harness.poll();
            assertThat(harness.status().inbound()).isEqualTo(ChannelState.HEALTHY);

            var result = harness.channel
                    .replySender()
                    .send(harness.replyTo(harness.mentionWithText(tweet.text()), "Hello, how can we help?", false));

            assertThat(result).isInstanceOf(SendResult.Sent.class);
            assertThat(harness.x.lastAuthorization)
                    .startsWith("OAuth ")
                    .contains("oauth_signature_method=\"HMAC-SHA1\"");
        }
    }

    @Test
    void aWrongSecretIsRefusedByX() {
        var harness = new XHarness(ApiVersion.V2);
        harness.oauth1 = true;
        var environment = new HashMap<>(XHarness.ENVIRONMENT);
        environment.put("X_ACCESS_TOKEN_SECRET", "not-the-secret");
        harness.environment = environment;
        harness.restart();
        try (harness) {
            harness.poll();

            assertThat(harness.status().inbound()).isEqualTo(ChannelState.AUTH_FAILED);
        }
    }
}
