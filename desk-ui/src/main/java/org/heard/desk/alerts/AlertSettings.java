package org.heard.desk.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alerts, digests and escalation, {@code heard.alerts}. Secrets (the webhook's, an SMTP password)
 * only from the environment ({@code ${...}} placeholders) or files; never printed.
 *
 * @param deskUrl the desk's address as staff reach it; alerts link to {@code <desk-url>/conversation/<id>}
 * @param from the sender of alert emails
 * @param smtp the SMTP server for alerts; unset means the application's ({@code spring.mail.*})
 * @param webhook a JSON POST for on-call and paging systems on every immediate alert; unset means none
 * @param subscribers who gets alerts and digests
 * @param rotas per catalogue service, who an unopened immediate mention escalates to, in order
 * @param escalateAfter how long an immediate mention may stay unopened before the next person is told
 * @param maxAttempts attempts per delivery before it is recorded as failed
 * @param firstRetryAfter the wait before the second attempt; it doubles with each attempt after
 * @param maxAge an immediate mention triaged longer ago than this is not alerted (a desk back after days)
 * @param tick how often retries, escalations and digests are looked at
 */
@ConfigurationProperties("heard.alerts")
public record AlertSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080") String deskUrl,
        @DefaultValue("alerts@heard.localhost") String from,
        Smtp smtp,
        Webhook webhook,
        @DefaultValue List<Subscriber> subscribers,
        @DefaultValue Map<String, List<String>> rotas,
        @DefaultValue("15m") Duration escalateAfter,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("24h") Duration maxAge,
        @DefaultValue("10s") Duration tick) {

    public AlertSettings {
        deskUrl = deskUrl == null || deskUrl.isBlank() ? "http://localhost:8080" : deskUrl.replaceAll("/+$", "");
        from = from == null || from.isBlank() ? "alerts@heard.localhost" : from;
        subscribers = subscribers == null ? List.of() : List.copyOf(subscribers);
        rotas = rotas == null ? Map.of() : Map.copyOf(rotas);
        escalateAfter = positive(escalateAfter, Duration.ofMinutes(15), "escalate-after");
        firstRetryAfter = positive(firstRetryAfter, Duration.ofSeconds(30), "first-retry-after");
        maxAge = positive(maxAge, Duration.ofHours(24), "max-age");
        tick = positive(tick, Duration.ofSeconds(10), "tick");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("heard.alerts.max-attempts must be at least 1");
        }
        long distinct =
                subscribers.stream().map(Subscriber::username).distinct().count();
        if (distinct != subscribers.size()) {
            throw new IllegalArgumentException("heard.alerts.subscribers: each username may be listed once");
        }
    }

    private static Duration positive(Duration value, Duration otherwise, String name) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("heard.alerts." + name + " must be positive");
        }
        return value;
    }

    /** How often a person gets a digest of their services' new mentions. */
    public enum Digest {
        OFF,
        DAILY,
        WEEKLY
    }

    /**
     * One person's subscription.
     *
     * @param username as in {@code heard.security.users}
     * @param services catalogue services (with those below them); empty means the person's own scope
     * @param digestAt local time in Europe/London
     * @param digestDay the day of a weekly digest
     * @param quietFrom with {@code quiet-to}: the person gets no alert email and is skipped by escalation then
     *     (Europe/London; may span midnight, e.g. 22:00 to 07:00)
     */
    public record Subscriber(
            String username,
            String email,
            @DefaultValue Set<String> services,
            @DefaultValue("true") boolean immediate,
            @DefaultValue("OFF") Digest digest,
            @DefaultValue("08:00") LocalTime digestAt,
            @DefaultValue("MONDAY") DayOfWeek digestDay,
            LocalTime quietFrom,
            LocalTime quietTo) {

        public Subscriber {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("heard.alerts.subscribers: every subscriber needs a username");
            }
            if (email == null || !email.contains("@")) {
                throw new IllegalArgumentException("heard.alerts.subscribers: " + username + " needs an email address");
            }
            services = services == null ? Set.of() : Set.copyOf(services);
            digest = digest == null ? Digest.OFF : digest;
            digestAt = digestAt == null ? LocalTime.of(8, 0) : digestAt;
            digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
            if ((quietFrom == null) != (quietTo == null)) {
                throw new IllegalArgumentException(
                        "heard.alerts.subscribers: " + username + " needs both quiet-from and quiet-to");
            }
        }
    }

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        NONE,
        STARTTLS,
        SSL
    }

    /** An SMTP server for alerts. */
    public record Smtp(
            String host,
            int port,
            @DefaultValue("STARTTLS") Security security,
            String username,
            String password,
            Path passwordFile) {

        public Smtp {
            if (host == null || host.isBlank() || port <= 0 || port > 65535) {
                throw new IllegalArgumentException("heard.alerts.smtp needs a host and a port");
            }
            security = security == null ? Security.STARTTLS : security;
        }

        String secret() {
            return Secrets.read(password, passwordFile, "heard.alerts.smtp");
        }

        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + " " + security + " user=" + username + "]";
        }
    }

    /**
     * The on-call webhook.
     *
     * @param header the request header carrying the shared secret
     * @param secret give it as {@code ${HEARD_ALERTS_WEBHOOK_SECRET}}, or use {@code secret-file}
     */
    public record Webhook(
            String url, @DefaultValue("X-Heard-Secret") String header, String secret, Path secretFile) {

        public Webhook {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException("heard.alerts.webhook.url must be an http(s) URL");
            }
            header = header == null || header.isBlank() ? "X-Heard-Secret" : header;
        }

        String secretValue() {
            return Secrets.read(secret, secretFile, "heard.alerts.webhook");
        }

        @Override
        public String toString() {
            return "Webhook[" + url + " header=" + header + "]";
        }
    }

    private static final class Secrets {
        private Secrets() {}

        static String read(String value, Path file, String name) {
            if (file != null) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read the secret file of " + name, e);
                }
            }
            return value == null ? "" : value;
        }
    }
}
