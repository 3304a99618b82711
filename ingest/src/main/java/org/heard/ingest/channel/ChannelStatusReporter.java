package org.heard.ingest.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.ChannelStatusReported.ConnectorState;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells the desk how this instance's connectors are doing: each account's status goes to
 * {@link Topics#CHANNEL_STATUS} when it changes and, unchanged, once per heartbeat, so a desk in
 * another process shows live states and can say "no report since …" when an ingest instance stops.
 * A report Kafka did not take is sent again on the next look.
 */
public final class ChannelStatusReporter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelStatusReporter.class);

    private final List<ChannelConnector> connectors;
    private final EventPublisher publisher;
    private final StatusReportSettings settings;
    private final Clock clock;
    /** What was last sent per account and when; an entry is dropped when Kafka refused it. */
    private final Map<String, Sent> sent = new HashMap<>();

    private ScheduledExecutorService scheduler;

    private record Sent(ChannelStatusReported report, Instant at) {}

    public ChannelStatusReporter(
            List<ChannelConnector> connectors, EventPublisher publisher, StatusReportSettings settings, Clock clock) {
        this.connectors = List.copyOf(connectors);
        this.publisher = publisher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Looks at every connector once and sends what changed or is due for a heartbeat. */
    public synchronized void report() {
        Instant now = clock.instant();
        for (var connector : connectors) {
            ChannelStatusReported report;
            try {
                report = toReport(connector.status(), now);
            } catch (RuntimeException e) {
                // A connector that cannot say how it is does not stop the others' reports; health shows it.
                log.warn("A channel connector failed to report its status", e);
                continue;
            }
            var last = sent.get(report.key());
            boolean due = last == null
                    || !last.report().sameStateAs(report)
                    || !now.isBefore(last.at().plus(settings.heartbeat()));
            if (!due) {
                continue;
            }
            sent.put(report.key(), new Sent(report, now));
            publisher.publish(Topics.CHANNEL_STATUS, report).whenComplete((ok, failure) -> {
                if (failure != null) {
                    forget(report);
                    log.warn(
                            "Kafka did not take the status of {} ({}); sending it again shortly",
                            report.key(),
                            failure.toString());
                }
            });
        }
    }

    private synchronized void forget(ChannelStatusReported report) {
        var last = sent.get(report.key());
        if (last != null && last.report() == report) {
            sent.remove(report.key());
        }
    }

    private ChannelStatusReported toReport(ChannelStatus status, Instant now) {
        return new ChannelStatusReported(
                status.channel(),
                status.account(),
                ConnectorState.valueOf(status.inbound().name()),
                ConnectorState.valueOf(status.outbound().name()),
                status.detail(),
                status.lastSuccessfulFetch(),
                status.rateLimitedUntil(),
                status.tokenExpiresAt(),
                now,
                settings.instance());
    }

    private void reportSafely() {
        try {
            report();
        } catch (RuntimeException e) {
            log.warn("Channel status report failed; trying again at the next look", e);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || connectors.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("channel-status").daemon(true).factory());
        long every = settings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reportSafely, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (this) {
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
