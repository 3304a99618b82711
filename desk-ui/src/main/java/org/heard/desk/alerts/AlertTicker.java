package org.heard.desk.alerts;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Alerts#tick()} every {@code heard.alerts.tick} on every instance; the ledger's
 * conditional writes keep each retry, escalation and digest to one instance.
 */
final class AlertTicker {

    private final Alerts alerts;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    AlertTicker(Alerts alerts, Duration every) {
        this.alerts = alerts;
        this.every = every;
    }

    synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("heard-alerts-tick").factory());
        scheduler.scheduleWithFixedDelay(alerts::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
