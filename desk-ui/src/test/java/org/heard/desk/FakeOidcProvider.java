package org.heard.desk;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.heard.contracts.DeskJson;

/**
 * A local OpenID Connect provider speaking the real protocol, as Entra ID does: discovery, signing
 * keys (JWKS), an authorize endpoint that signs in whoever the test chose and redirects back with a
 * code, and a token endpoint that checks the client's secret and returns a signed id token. A test
 * can make the next id token wrong (signed by another key, another issuer, another audience).
 */
final class FakeOidcProvider implements AutoCloseable {

    enum Forgery {
        NONE,
        WRONG_SIGNATURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE
    }

    private record Grant(
            Map<String, Object> claims, String nonce, String clientId, String redirectUri, Forgery forgery) {}

    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey impostor;
    private final String clientId;
    private final String clientSecret;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final List<String> endedSessions = new CopyOnWriteArrayList<>();
    private volatile Map<String, Object> nextPerson = Map.of();
    private volatile Forgery nextForgery = Forgery.NONE;

    FakeOidcProvider(String clientId, String clientSecret) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            key = new RSAKeyGenerator(2048).keyID("heard-test-key").generate();
            // Same key id, different key: only the signature gives it away.
            impostor = new RSAKeyGenerator(2048).keyID("heard-test-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/logout", this::endSession);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whoever signs in next, as the claims of their id token (username, name, roles, groups…). */
    void signsInNext(Map<String, Object> claims, Forgery forgery) {
        nextPerson = Map.copyOf(claims);
        nextForgery = forgery;
    }

    private void discovery(HttpExchange exchange) throws IOException {
        var document = new HashMap<String, Object>();
        document.put("issuer", issuer());
        document.put("authorization_endpoint", issuer() + "/authorize");
        document.put("token_endpoint", issuer() + "/token");
        document.put("jwks_uri", issuer() + "/jwks");
        document.put("end_session_endpoint", issuer() + "/logout");
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        document.put("grant_types_supported", List.of("authorization_code"));
        json(exchange, 200, document);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
    }

    private void authorize(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        if (!clientId.equals(query.get("client_id"))
                || !"code".equals(query.get("response_type"))
                || query.get("redirect_uri") == null) {
            respond(exchange, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = UUID.randomUUID().toString();
        grants.put(
                code,
                new Grant(
                        nextPerson,
                        query.get("nonce"),
                        query.get("client_id"),
                        query.get("redirect_uri"),
                        nextForgery));
        String back = query.get("redirect_uri") + "?code=" + encode(code) + "&state="
                + encode(query.getOrDefault("state", ""));
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod())
                || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            json(exchange, 401, Map.of("error", "invalid_client"));
            return;
        }
        var body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        var grant = grants.remove(body.getOrDefault("code", ""));
        if (grant == null
                || !"authorization_code".equals(body.get("grant_type"))
                || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            json(exchange, 400, Map.of("error", "invalid_grant"));
            return;
        }
        json(
                exchange,
                200,
                Map.of(
                        "access_token",
                        UUID.randomUUID().toString(),
                        "token_type",
                        "Bearer",
                        "expires_in",
                        300,
                        "scope",
                        "openid profile email",
                        "id_token",
                        idToken(grant)));
    }

    private String idToken(Grant grant) {
        Instant now = Instant.now();
        var claims = new JWTClaimsSet.Builder()
                .issuer(grant.forgery() == Forgery.WRONG_ISSUER ? "http://127.0.0.1:1/someone-else" : issuer())
                .audience(grant.forgery() == Forgery.WRONG_AUDIENCE ? "another-app" : grant.clientId())
                .subject(String.valueOf(grant.claims().getOrDefault("preferred_username", "nobody")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce());
        grant.claims().forEach(claims::claim);
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims.build());
            jwt.sign(new RSASSASigner(grant.forgery() == Forgery.WRONG_SIGNATURE ? impostor : key));
            String token = jwt.serialize();
            issued.add(token);
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RP-initiated logout: ends the session named by the id token it was given, then sends the browser back. */
    private void endSession(HttpExchange exchange) throws IOException {
        var query = form(exchange.getRequestURI().getRawQuery());
        String hint = query.get("id_token_hint");
        String back = query.get("post_logout_redirect_uri");
        if (hint == null || !issued.contains(hint) || back == null) {
            respond(exchange, 400, "text/plain", "unknown session");
            return;
        }
        endedSessions.add(hint);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The id tokens whose sessions a desk ended through the end-session endpoint. */
    List<String> endedSessions() {
        return List.copyOf(endedSessions);
    }

    private static Map<String, String> form(String encoded) {
        var values = new HashMap<String, String>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        respond(exchange, status, "application/json", DeskJson.writeString(body));
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + ";charset=UTF-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    URI uri() {
        return URI.create(issuer());
    }
}
