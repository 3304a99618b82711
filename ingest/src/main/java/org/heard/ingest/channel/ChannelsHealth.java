package org.heard.ingest.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.heard.platform.roles.ConditionalOnRole;
import org.heard.platform.roles.HeardRole;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Every channel account in {@code /actuator/health} under "channels", inbound and outbound apart.
 * Credentials refused, a failing provider or a stale feed make it DOWN: an alert, not silence.
 * Rate limiting, "not configured" and "disabled" are normal states and stay UP, with the detail.
 * Kubernetes probes use the liveness/readiness groups, which a channel problem does not touch.
 */
@Component("channels")
@ConditionalOnRole(HeardRole.INGEST)
class ChannelsHealth implements HealthIndicator {

    private final List<ChannelConnector> connectors;

    ChannelsHealth(List<ChannelConnector> connectors) {
        this.connectors = connectors;
    }

    @Override
    public Health health() {
        var builder = Health.up();
        var accounts = new LinkedHashMap<String, Object>();
        for (var connector : connectors) {
            ChannelStatus status;
            try {
                status = connector.status();
            } catch (RuntimeException e) {
                accounts.put(
                        connector.getClass().getSimpleName(),
                        Map.of("inbound", "FAILING", "detail", String.valueOf(e.getMessage())));
                builder.down();
                continue;
            }
            var detail = new LinkedHashMap<String, Object>();
            detail.put("inbound", status.inbound());
            detail.put("outbound", status.outbound());
            if (status.detail() != null) {
                detail.put("detail", status.detail());
            }
            if (status.lastSuccessfulFetch() != null) {
                detail.put("lastSuccessfulFetch", status.lastSuccessfulFetch().toString());
            }
            accounts.put(status.channel().wire() + ":" + (status.account() == null ? "-" : status.account()), detail);
            if (alarming(status.inbound()) || alarming(status.outbound())) {
                builder.down();
            }
        }
        return builder.withDetails(accounts).build();
    }

    private static boolean alarming(ChannelState state) {
        return state == ChannelState.AUTH_FAILED || state == ChannelState.FAILING || state == ChannelState.STALE;
    }
}
