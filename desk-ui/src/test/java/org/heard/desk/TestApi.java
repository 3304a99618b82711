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

/** The desk's JSON API as a staff member's script would call it (HTTP Basic). */
final class TestApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TestApi(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String user, String password, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", basic(user, password))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode search(String user, String password, String query) throws Exception {
        var response = get(user, password, "/api/mentions?size=50&" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return DeskJson.mapper().readTree(response.body());
    }

    static String q(String words) {
        return "q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
