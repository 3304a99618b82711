package org.heard.ingest.twitter;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a request signing (RFC 5849, HMAC-SHA1) for X API v2 in user context. X's OAuth 2.0
 * user tokens expire after two hours and need a refresh flow; OAuth 1.0a access tokens do not, which
 * is what an unattended connector needs to post replies and read DMs.
 */
final class OAuth1 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String consumerKey;
    private final String consumerSecret;
    private final String accessToken;
    private final String accessTokenSecret;
    private final Clock clock;
    private final Supplier<String> nonces;

    OAuth1(String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret, Clock clock) {
        this(consumerKey, consumerSecret, accessToken, accessTokenSecret, clock, OAuth1::randomNonce);
    }

    OAuth1(
            String consumerKey,
            String consumerSecret,
            String accessToken,
            String accessTokenSecret,
            Clock clock,
            Supplier<String> nonces) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.accessToken = accessToken;
        this.accessTokenSecret = accessTokenSecret;
        this.clock = clock;
        this.nonces = nonces;
    }

    /**
     * The Authorization header for one request. Query parameters and form parameters are signed; a
     * JSON body is not (the RFC signs only form-encoded bodies).
     */
    String authorization(String method, URI uri, Map<String, String> formParameters) {
        var oauth = new TreeMap<String, String>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonces.get());
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(clock.instant().getEpochSecond()));
        oauth.put("oauth_token", accessToken);
        oauth.put("oauth_version", "1.0");

        var signed = new ArrayList<String[]>();
        oauth.forEach((name, value) -> signed.add(new String[] {encode(name), encode(value)}));
        formParameters.forEach((name, value) -> signed.add(new String[] {encode(name), encode(value)}));
        if (uri.getRawQuery() != null) {
            for (var pair : uri.getRawQuery().split("&")) {
                var split = pair.indexOf('=');
                var name = decode(split < 0 ? pair : pair.substring(0, split));
                var value = split < 0 ? "" : decode(pair.substring(split + 1));
                signed.add(new String[] {encode(name), encode(value)});
            }
        }
        signed.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        var parameterString =
                signed.stream().map(pair -> pair[0] + "=" + pair[1]).collect(Collectors.joining("&"));
        var baseUrl = uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase()
                + (uri.getPort() < 0 || isDefaultPort(uri) ? "" : ":" + uri.getPort()) + uri.getRawPath();
        var base = method.toUpperCase() + "&" + encode(baseUrl) + "&" + encode(parameterString);
        oauth.put("oauth_signature", sign(base, encode(consumerSecret) + "&" + encode(accessTokenSecret)));
        return "OAuth "
                + oauth.entrySet().stream()
                        .map(entry -> encode(entry.getKey()) + "=\"" + encode(entry.getValue()) + "\"")
                        .collect(Collectors.joining(", "));
    }

    private static boolean isDefaultPort(URI uri) {
        return ("http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == 443);
    }

    private static String sign(String base, String key) {
        try {
            var mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** RFC 3986 percent-encoding: everything but unreserved characters, spaces as %20. */
    static String encode(String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        var out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String randomNonce() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "OAuth1[hidden]";
    }
}
