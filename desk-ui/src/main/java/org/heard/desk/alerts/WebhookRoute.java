package org.heard.desk.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The on-call webhook: the delivery's JSON document as a POST, with the shared secret in a header
 * (never logged, never stored with the delivery).
 */
final class WebhookRoute implements AlertRoute {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final AlertSettings.Webhook webhook;
    private final HttpClient http;

    WebhookRoute(AlertSettings.Webhook webhook) {
        this.webhook = webhook;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Delivered deliver(AlertDelivery delivery) {
        var request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", delivery.id())
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
        String secret = webhook.secretValue();
        if (!secret.isEmpty()) {
            request.header(webhook.header(), secret);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new Delivered.Accepted();
            }
            boolean retryable = status >= 500 || status == 408 || status == 429;
            return new Delivered.Failed("the webhook answered " + status, retryable);
        } catch (IOException e) {
            return new Delivered.Failed(
                    "the webhook is unreachable: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivered.Failed("interrupted while calling the webhook", true);
        }
    }
}
