package org.heard.desk.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.heard.contracts.MentionTriaged;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.desk.alerts.AlertDelivery.Kind;
import org.heard.desk.alerts.AlertDelivery.Route;
import org.heard.desk.alerts.AlertLedger.Versioned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the people responsible for a service about an immediate mention, escalates it along the
 * service's rota while nobody opens it, and sends digests. Every delivery is recorded in the
 * {@link AlertLedger} before it is attempted and retried with doubling waits until it goes or the
 * attempts run out. No patient text travels: alerts name the service and link to the desk.
 */
public class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm").withZone(Subscription.UK);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Whether anyone opened the mention's conversation on the desk at or after an instant (the audit log knows). */
    @FunctionalInterface
    public interface Openings {
        boolean openedSince(String mentionId, Instant since);
    }

    private final AlertSettings settings;
    private final Subscriptions subscriptions;
    private final AlertLedger ledger;
    private final Map<Route, AlertRoute> routes;
    private final Openings openings;
    private final DigestWriter digests;
    private final ServiceLookup catalogue;
    private final Clock clock;

    Alerts(
            AlertSettings settings,
            Subscriptions subscriptions,
            AlertLedger ledger,
            Map<Route, AlertRoute> routes,
            Openings openings,
            DigestWriter digests,
            ServiceLookup catalogue,
            Clock clock) {
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.routes = Map.copyOf(routes);
        this.openings = openings;
        this.digests = digests;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /**
     * A mention was triaged. An immediate one is alerted to each subscriber of its services (email,
     * outside their quiet hours) and to the webhook, and watched for escalation. Seeing the same
     * mention again (a redelivered record, another instance) sends nothing twice.
     */
    public void triaged(MentionTriaged mention) {
        if (mention.urgency().level() != Urgency.Level.IMMEDIATE) {
            return;
        }
        Instant now = clock.instant();
        if (mention.triagedAt().isBefore(now.minus(settings.maxAge()))) {
            log.info(
                    "Not alerting immediate mention {}: triaged {} (older than heard.alerts.max-age)",
                    mention.mentionId(),
                    mention.triagedAt());
            return;
        }
        String mentionId = mention.mentionId().value();
        String conversationId = mention.conversationId().value();
        List<String> services = mention.services().stream()
                .map(ServiceTag::serviceId)
                .distinct()
                .toList();
        String alertId = "immediate-" + mentionId;
        String subject = "Immediate: a mention about " + named(services) + " needs a person now";
        String body = """
                Triage tagged a mention as immediate (a risk to life or safety now).

                Service: %s
                Channel: %s
                Tagged: %s (UK time)

                Open it: %s

                This alert carries no patient text by design: open the desk to read it.
                You get it as a subscriber to immediate alerts for this service.
                """.formatted(
                named(services),
                mention.channel() == null ? "unknown" : mention.channel().wire(),
                WHEN.format(mention.triagedAt()),
                link(mentionId));
        for (var subscription : subscriptions.all()) {
            if (!subscription.immediate() || !subscription.covers(services)) {
                continue;
            }
            if (subscription.quietAt(now)) {
                log.info("{} is in quiet hours: no alert email for {}", subscription.username(), mentionId);
                continue;
            }
            createAndAttempt(AlertDelivery.pending(
                    alertId,
                    Kind.IMMEDIATE,
                    Route.EMAIL,
                    subscription.username(),
                    subscription.email(),
                    mentionId,
                    conversationId,
                    services,
                    subject,
                    body,
                    now));
        }
        if (routes.containsKey(Route.WEBHOOK)) {
            createAndAttempt(AlertDelivery.pending(
                    alertId,
                    Kind.IMMEDIATE,
                    Route.WEBHOOK,
                    "webhook",
                    settings.webhook().url(),
                    mentionId,
                    conversationId,
                    services,
                    subject,
                    webhookDocument(alertId, mention, services),
                    now));
        }
        rotaFor(services)
                .ifPresent(rota -> ledger.createEscalation(new Escalation(
                        mentionId,
                        conversationId,
                        services,
                        rota,
                        now,
                        now.plus(settings.escalateAfter()),
                        0,
                        List.of(),
                        Escalation.State.WATCHING,
                        now)));
    }

    /** Retries what is due, escalates what nobody opened, sends the digests that are due. */
    public void tick() {
        for (Runnable step : List.<Runnable>of(this::retryDue, this::escalate, this::sendDigests)) {
            try {
                step.run();
            } catch (RuntimeException e) {
                log.warn("Alerts: {}", e.getMessage(), e);
            }
        }
    }

    void retryDue() {
        Instant now = clock.instant();
        for (var due : ledger.due(now, BATCH)) {
            ledger.update(due, due.value().leasedUntil(now.plus(LEASE), now)).ifPresent(this::attempt);
        }
    }

    void escalate() {
        Instant now = clock.instant();
        for (var watched : ledger.escalationsDue(now, BATCH)) {
            var escalation = watched.value();
            if (openings.openedSince(escalation.mentionId(), escalation.raisedAt())) {
                ledger.update(watched, escalation.opened(now));
                continue;
            }
            int position = escalation.step();
            Subscription next = null;
            while (position < escalation.rota().size()) {
                var candidate = subscriptions.of(escalation.rota().get(position));
                if (candidate.isEmpty()) {
                    log.warn(
                            "Rota person {} has no subscription (email address): skipped",
                            escalation.rota().get(position));
                } else if (candidate.get().quietAt(now)) {
                    log.info(
                            "Rota person {} is in quiet hours: skipped for {}",
                            candidate.get().username(),
                            escalation.mentionId());
                } else {
                    next = candidate.get();
                    break;
                }
                position++;
            }
            if (next == null) {
                ledger.update(watched, escalation.exhausted(now))
                        .ifPresent(done -> log.warn(
                                "Immediate mention {} was not opened and the rota is exhausted ({} told)",
                                escalation.mentionId(),
                                escalation.told()));
                continue;
            }
            var claimed = ledger.update(
                    watched, escalation.toldNext(position, next.username(), now.plus(settings.escalateAfter()), now));
            if (claimed.isEmpty()) {
                continue; // another instance escalated it
            }
            long minutes = Duration.between(escalation.raisedAt(), now).toMinutes();
            String subject = "Escalated: an immediate mention about " + named(escalation.services())
                    + " has not been opened for " + minutes + " minutes";
            String body = """
                    An immediate mention (a risk to life or safety now) has not been opened on the desk for %d minutes,
                    so it comes to you as the next person on the rota for %s.

                    Open it: %s

                    Already told: %s
                    This alert carries no patient text by design: open the desk to read it.
                    """.formatted(
                    minutes,
                    named(escalation.services()),
                    link(escalation.mentionId()),
                    escalation.told().isEmpty() ? "the service's subscribers" : String.join(", ", escalation.told()));
            String alertId = "escalation-" + escalation.mentionId() + "-" + (position + 1);
            createAndAttempt(AlertDelivery.pending(
                    alertId,
                    Kind.ESCALATION,
                    Route.EMAIL,
                    next.username(),
                    next.email(),
                    escalation.mentionId(),
                    escalation.conversationId(),
                    escalation.services(),
                    subject,
                    body,
                    now));
        }
    }

    void sendDigests() {
        Instant now = clock.instant();
        for (var subscription : subscriptions.all()) {
            var period = subscription.latestDigest(now);
            if (period.isEmpty()) {
                continue;
            }
            String alertId = period.get().key() + "-" + subscription.username();
            if (ledger.hasDelivery(alertId + ":" + Route.EMAIL.wire() + ":" + subscription.username())) {
                continue; // sent (or being sent) by this or another instance, before or after a restart
            }
            var digest = digests.write(subscription, period.get());
            createAndAttempt(AlertDelivery.pending(
                    alertId,
                    Kind.DIGEST,
                    Route.EMAIL,
                    subscription.username(),
                    subscription.email(),
                    null,
                    null,
                    subscription.services() == null ? List.of() : List.copyOf(subscription.services()),
                    digest.subject(),
                    digest.body(),
                    now));
        }
    }

    /**
     * Created with a lease, so no other instance's retry sweep takes it while this one attempts it;
     * should this instance die first, the sweep takes it when the lease runs out.
     */
    private void createAndAttempt(AlertDelivery delivery) {
        Instant now = clock.instant();
        ledger.createDelivery(delivery.leasedUntil(now.plus(LEASE), now)).ifPresent(this::attempt);
    }

    private void attempt(Versioned<AlertDelivery> claimed) {
        var delivery = claimed.value();
        var route = routes.get(delivery.route());
        Delivered outcome = route == null
                ? new Delivered.Failed("the " + delivery.route().wire() + " route is not configured", false)
                : route.deliver(delivery);
        Instant now = clock.instant();
        AlertDelivery recorded = switch (outcome) {
            case Delivered.Accepted accepted -> delivery.delivered(now);
            case Delivered.Failed failed
            when failed.retryable() && delivery.attempts() + 1 < settings.maxAttempts() ->
                delivery.retryAt(now.plus(backoff(delivery.attempts() + 1)), failed.reason(), now);
            case Delivered.Failed failed -> delivery.failed(failed.reason(), now);
        };
        if (recorded.state() == AlertDelivery.State.FAILED) {
            log.error(
                    "Alert delivery {} to {} failed after {} attempts: {}",
                    recorded.id(),
                    recorded.recipient(),
                    recorded.attempts(),
                    recorded.lastError());
        }
        if (ledger.update(claimed, recorded).isEmpty()) {
            log.warn(
                    "Alert delivery {} changed while it was attempted; its outcome ({}) was not recorded",
                    delivery.id(),
                    recorded.state().wire());
        }
    }

    /** The wait before attempt n+1: the first retry wait, doubled for each attempt after the first. */
    Duration backoff(int attemptsMade) {
        return settings.firstRetryAfter().multipliedBy(1L << Math.min(attemptsMade - 1, 16));
    }

    /** The rota of the first service that has one, looking up the catalogue tree (a bay's mention goes to its ward's rota). */
    private Optional<List<String>> rotaFor(List<String> services) {
        for (String service : services) {
            Optional<String> current = Optional.of(service);
            for (int depth = 0; current.isPresent() && depth < 20; depth++) {
                var rota = settings.rotas().get(current.get());
                if (rota != null && !rota.isEmpty()) {
                    return Optional.of(rota);
                }
                current = catalogue.parentOf(current.get());
            }
        }
        return Optional.empty();
    }

    private String link(String mentionId) {
        return settings.deskUrl() + "/conversation/"
                + java.net.URLEncoder.encode(mentionId, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "Ward 7 (ward-7)": the name people know, and the id the desk filters by. */
    private String named(List<String> services) {
        if (services.isEmpty()) {
            return "no service (untagged)";
        }
        return String.join(
                ", ",
                services.stream()
                        .map(id -> {
                            String name = catalogue.nameOf(id);
                            return name == null || name.isBlank() || name.equals(id) ? id : name + " (" + id + ")";
                        })
                        .toList());
    }

    private String webhookDocument(String alertId, MentionTriaged mention, List<String> services) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("alertId", alertId);
        document.put("kind", Kind.IMMEDIATE.wire());
        document.put("urgency", Urgency.Level.IMMEDIATE.wire());
        document.put("mentionId", mention.mentionId().value());
        document.put("conversationId", mention.conversationId().value());
        document.put("services", new ArrayList<>(services));
        document.put(
                "channel", mention.channel() == null ? null : mention.channel().wire());
        document.put("triagedAt", mention.triagedAt().toString());
        document.put("link", link(mention.mentionId().value()));
        return JSON.writeValueAsString(document);
    }
}
