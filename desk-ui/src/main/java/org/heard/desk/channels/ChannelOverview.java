package org.heard.desk.channels;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.heard.contracts.Channel;
import org.heard.contracts.ChannelStatusReported;
import org.heard.contracts.ChannelStatusReported.ConnectorState;

/**
 * What the Channels page says about each account, in words staff act on: the state with its
 * reason and fix, the last successful fetch, the backlog, and warnings (a token about to expire,
 * reports that stopped). Plain logic over the reports, so it is tested without a browser.
 */
final class ChannelOverview {

    private final ChannelsPageSettings settings;
    private final DateTimeFormatter time;

    ChannelOverview(ChannelsPageSettings settings, ZoneId zone) {
        this.settings = settings;
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(zone);
    }

    /**
     * One account as the page shows it.
     *
     * @param tone {@code ok}, {@code warning} or {@code alarm}: how loudly the page shows the state
     * @param fix what to do about the state; null when nothing is to be done
     * @param warnings token expiry and silent ingest, each a sentence
     */
    record AccountLine(
            String key,
            String channel,
            String account,
            String state,
            String tone,
            String detail,
            String fix,
            String lastFetch,
            String backlog,
            List<String> warnings,
            String reportedBy) {}

    /** Every account, by channel then account. {@code backlog} empty: the index could not be asked. */
    List<AccountLine> lines(
            Collection<ChannelStatusReported> reports, Optional<Map<String, Long>> backlog, Instant now) {
        return reports.stream()
                .sorted(Comparator.comparing((ChannelStatusReported report) ->
                                report.channel().ordinal())
                        .thenComparing(ChannelStatusReported::account))
                .map(report -> line(report, backlog, now))
                .toList();
    }

    AccountLine line(ChannelStatusReported report, Optional<Map<String, Long>> backlog, Instant now) {
        var state = stateText(report.inbound(), report, now);
        if (report.outbound() != report.inbound() && report.outbound() != ConnectorState.HEALTHY) {
            state += " · sending: " + stateText(report.outbound(), report, now).toLowerCase(Locale.UK);
        }
        var warnings = new ArrayList<String>();
        tokenWarning(report, now).ifPresent(warnings::add);
        if (Duration.between(report.reportedAt(), now).compareTo(settings.silentAfter()) > 0) {
            warnings.add("No report from ingest since " + time.format(report.reportedAt()) + " ("
                    + ago(report.reportedAt(), now) + ", from " + report.instance()
                    + "): this state may be out of date — is the ingest instance running?");
        }
        return new AccountLine(
                "channel-" + report.key().replaceAll("[^A-Za-z0-9]+", "-"),
                channelName(report.channel()),
                "-".equals(report.account()) ? "(no account configured)" : report.account(),
                state,
                tone(report),
                report.detail(),
                fix(report),
                report.lastSuccessfulFetch() == null
                        ? "Last successful fetch: never"
                        : "Last successful fetch: " + time.format(report.lastSuccessfulFetch()) + " ("
                                + ago(report.lastSuccessfulFetch(), now) + ")",
                backlogText(report, backlog, now),
                List.copyOf(warnings),
                "Reported by " + report.instance() + " at " + time.format(report.reportedAt()));
    }

    private String stateText(ConnectorState state, ChannelStatusReported report, Instant now) {
        return switch (state) {
            case HEALTHY -> "Healthy";
            case RATE_LIMITED ->
                report.rateLimitedUntil() == null
                        ? "Rate-limited"
                        : "Rate-limited until " + time.format(report.rateLimitedUntil()) + " ("
                                + until(report.rateLimitedUntil(), now) + ")";
            case AUTH_FAILED -> "Authentication failed";
            case STALE -> "Stale";
            case FAILING -> "Failing, retrying";
            case DISABLED -> "Disabled";
            case NOT_CONFIGURED -> "Not configured";
        };
    }

    private static String tone(ChannelStatusReported report) {
        var states = List.of(report.inbound(), report.outbound());
        if (states.stream()
                .anyMatch(state -> state == ConnectorState.AUTH_FAILED
                        || state == ConnectorState.STALE
                        || state == ConnectorState.FAILING)) {
            return "alarm";
        }
        if (states.stream()
                .anyMatch(state -> state == ConnectorState.RATE_LIMITED || state == ConnectorState.NOT_CONFIGURED)) {
            return "warning";
        }
        return "ok";
    }

    /** The fix for credentials refused or missing, named per channel; the settings reference has the rest. */
    private static String fix(ChannelStatusReported report) {
        boolean refused =
                report.inbound() == ConnectorState.AUTH_FAILED || report.outbound() == ConnectorState.AUTH_FAILED;
        if (refused) {
            return switch (report.channel()) {
                case TWITTER ->
                    "Fix: renew the account's keys and tokens in the X developer portal, put them where "
                            + "heard.channel.twitter.accounts[N].consumer-key, -secret, access-token and access-token-secret "
                            + "(or bearer-token) point (env:NAME or file:/path), and restart the ingest instance.";
                case STORY ->
                    "Fix: renew the Care Opinion API subscription key, set HEARD_CHANNEL_STORY_SUBSCRIPTION_KEY or the "
                            + "file of heard.channel.story.subscription-key-file, and restart the ingest instance.";
                case EMAIL ->
                    "Fix: check the mailbox's login: heard.channel.email.mailboxes[N].username and password-file "
                            + "(or HEARD_CHANNEL_EMAIL_MAILBOXES_N_PASSWORD), and that the mail server allows IMAP/SMTP for it.";
                default -> "Fix: renew the channel's credentials (see deploy/configuration.md).";
            };
        }
        if (report.inbound() == ConnectorState.NOT_CONFIGURED) {
            return "Settings: see the detail above and deploy/configuration.md (" + settingsSection(report.channel())
                    + ").";
        }
        if (report.inbound() == ConnectorState.DISABLED) {
            return "Switched off in the settings (" + settingsSection(report.channel()) + ").";
        }
        return null;
    }

    private static String settingsSection(Channel channel) {
        return switch (channel) {
            case TWITTER -> "heard.channel.twitter";
            case STORY -> "heard.channel.story";
            case EMAIL -> "heard.channel.email";
            default -> "heard.channel";
        };
    }

    private Optional<String> tokenWarning(ChannelStatusReported report, Instant now) {
        var expires = report.tokenExpiresAt();
        if (expires == null) {
            return Optional.empty();
        }
        if (!expires.isAfter(now)) {
            return Optional.of("Token expired on " + time.format(expires)
                    + ": renew it now, nothing is fetched or sent without it.");
        }
        if (Duration.between(now, expires).compareTo(settings.tokenWarning()) <= 0) {
            return Optional.of("Token expires on " + time.format(expires) + " (" + until(expires, now)
                    + "): renew it before then.");
        }
        return Optional.empty();
    }

    private String backlogText(ChannelStatusReported report, Optional<Map<String, Long>> backlog, Instant now) {
        var unanswered = backlog.map(counts -> {
                    long count = counts.getOrDefault(report.channel().wire() + ":" + report.account(), 0L);
                    return "Backlog: " + count + (count == 1 ? " unanswered mention" : " unanswered mentions");
                })
                .orElse("Backlog: unknown (the mention index cannot be asked right now)");
        if (report.inbound() == ConnectorState.RATE_LIMITED && report.rateLimitedUntil() != null) {
            unanswered += "; fetching resumes " + until(report.rateLimitedUntil(), now);
        }
        return unanswered;
    }

    private static String ago(Instant then, Instant now) {
        return span(Duration.between(then, now)) + " ago";
    }

    private static String until(Instant then, Instant now) {
        var left = Duration.between(now, then);
        return left.isNegative() || left.isZero() ? "now" : "in " + span(left);
    }

    /** A person's reading of a duration: "40 s", "14 min", "3 h 5 min", "12 days". */
    static String span(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min";
        }
        if (seconds < 48 * 3600) {
            long minutes = seconds / 60 % 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        return seconds / 86_400 + " days";
    }

    private static String channelName(Channel channel) {
        return switch (channel) {
            case EMAIL -> "Email";
            case TWITTER -> "X (Twitter)";
            case STORY -> "Care Opinion";
            default -> channel.wire();
        };
    }
}
