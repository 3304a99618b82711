package org.heard.ingest.story;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.heard.contracts.Channel;
import org.heard.ingest.channel.ChannelConnector;
import org.heard.ingest.channel.ChannelState;
import org.heard.ingest.channel.ChannelStatus;
import org.heard.ingest.channel.Staleness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's health as the health endpoint and the desk show it. Inbound is the story intake;
 * outbound is the reconciler, since replies leave through staff on the website and the only thing
 * Heard does on the way out is watch for them.
 */
final class StoryHealth implements ChannelConnector {

    private static final Logger log = LoggerFactory.getLogger(StoryHealth.class);

    private final StorySettings settings;
    private final boolean configured;
    private final Clock clock;
    private final Instant startedAt;
    private final Supplier<Optional<Instant>> rateLimitedUntil;
    private final Side inbound = new Side("Fetching stories");
    private final Side outbound = new Side("Watching for responses");

    StoryHealth(StorySettings settings, boolean configured, Clock clock, Supplier<Optional<Instant>> rateLimitedUntil) {
        this.settings = settings;
        this.configured = configured;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.rateLimitedUntil = rateLimitedUntil;
    }

    void inboundSucceeded() {
        inbound.succeeded(clock.instant());
    }

    void inboundFailed(ChannelState state, String detail) {
        inbound.failed(state, detail);
    }

    void outboundSucceeded() {
        outbound.succeeded(clock.instant());
    }

    void outboundFailed(ChannelState state, String detail) {
        outbound.failed(state, detail);
    }

    /** A change of state is logged once, as the X channel does: refused credentials an error, trouble a warning. */
    private void report(String what, ChannelState state, String detail) {
        var message = "Care Opinion {}: {} is now {}{}";
        var suffix = detail == null ? "" : " (" + detail + ")";
        switch (state) {
            case AUTH_FAILED -> log.error(message, settings.subscription(), what, state, suffix);
            case FAILING, RATE_LIMITED, STALE -> log.warn(message, settings.subscription(), what, state, suffix);
            default -> log.info(message, settings.subscription(), what, state, suffix);
        }
    }

    @Override
    public ChannelStatus status() {
        String account = settings.subscription();
        if (!settings.enabled()) {
            return new ChannelStatus(
                    Channel.STORY,
                    account,
                    ChannelState.DISABLED,
                    ChannelState.DISABLED,
                    "switched off: " + StorySettings.PREFIX + ".enabled=false",
                    null);
        }
        if (!configured) {
            return new ChannelStatus(
                    Channel.STORY,
                    account,
                    ChannelState.NOT_CONFIGURED,
                    ChannelState.NOT_CONFIGURED,
                    "no Care Opinion subscription key: " + StorySettings.keyPointer(),
                    null);
        }
        Instant now = clock.instant();
        Assessment in = inbound.assess(now, "stories");
        Assessment out = outbound.assess(now, "responses");
        String detail =
                in.detail.equals(out.detail) ? in.detail : "stories: " + in.detail + "; responses: " + out.detail;
        Instant limitedUntil =
                in.state == ChannelState.RATE_LIMITED ? rateLimitedUntil.get().orElse(null) : null;
        return new ChannelStatus(
                Channel.STORY,
                account,
                in.state,
                out.state,
                detail,
                inbound.lastSuccess,
                limitedUntil,
                settings.tokenExpiresAt());
    }

    private record Assessment(ChannelState state, String detail) {}

    /** One direction's last success and last problem; a success clears the problem. */
    private final class Side {
        private final String what;
        private Instant lastSuccess;
        private ChannelState problem;
        private String problemDetail;

        Side(String what) {
            this.what = what;
        }

        synchronized void succeeded(Instant at) {
            if (problem != null) {
                report(what, ChannelState.HEALTHY, null);
            }
            lastSuccess = at;
            problem = null;
            problemDetail = null;
        }

        synchronized void failed(ChannelState state, String detail) {
            if (state != problem) {
                report(what, state, detail);
            }
            problem = state;
            problemDetail = detail;
        }

        synchronized Assessment assess(Instant now, String what) {
            if (problem == ChannelState.AUTH_FAILED) {
                return new Assessment(ChannelState.AUTH_FAILED, problemDetail);
            }
            var stale = new Staleness(
                            settings.staleAfter(), StorySettings.PREFIX + ".stale-after=" + settings.staleAfter())
                    .check(what, lastSuccess, startedAt, now);
            if (stale.isPresent()) {
                String why = problemDetail == null ? "" : "; last problem: " + problemDetail;
                return new Assessment(ChannelState.STALE, stale.get() + why);
            }
            var limitedUntil = rateLimitedUntil.get();
            if (limitedUntil.isPresent()) {
                return new Assessment(
                        ChannelState.RATE_LIMITED,
                        "Care Opinion rate limit reached; waiting until " + limitedUntil.get());
            }
            if (problem != null) {
                return new Assessment(problem, problemDetail);
            }
            return new Assessment(ChannelState.HEALTHY, lastSuccess == null ? "starting" : "ok");
        }
    }
}
