package org.heard.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.heard.contracts.DeskJson;
import tools.jackson.databind.JsonNode;

/** The desk's JSON API as a staff member's script (HTTP Basic) or an integration (a token) would call it. */
final class TestApi {

    /** The integration {@code incident-desk} (a responder), configured in {@link DeskApplicationTest} by its hash. */
    static final String RESPONDER_TOKEN = "heard_test-incident-desk-token";
    /** The integration {@code ward-seven-feed} (a manager of ward 7). */
    static final String WARD_SEVEN_TOKEN = "heard_test-ward-seven-feed-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TestApi(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", basic(user, password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String user, String password, String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", basic(user, password))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getAs(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postAs(String token, String path, String idempotencyKey, String json) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return DeskJson.mapper().readTree(response.body());
    }

    JsonNode search(String user, String password, String query) throws Exception {
        var response = get(user, password, "/api/mentions?size=50&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return DeskJson.mapper().readTree(response.body());
    }

    static String q(String words) {
        return "q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
