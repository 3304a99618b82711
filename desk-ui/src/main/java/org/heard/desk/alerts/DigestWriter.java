package org.heard.desk.alerts;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;
import org.heard.contracts.Sentiment;
import org.heard.contracts.ServiceTag;
import org.heard.contracts.Urgency;
import org.heard.mentions.MentionDocument;
import org.heard.mentions.MentionQuery;
import org.heard.mentions.MentionSearch;

/**
 * A digest: the new mentions of a person's services in one period, counted by urgency and
 * sentiment, and the newest of them as links. No patient text: it travels by email.
 */
final class DigestWriter {

    static final int LISTED = 50;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(Subscription.UK);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy").withZone(Subscription.UK);

    record Digest(String subject, String body, long total) {}

    private final MentionSearch index;
    private final String deskUrl;

    DigestWriter(MentionSearch index, String deskUrl) {
        this.index = index;
        this.deskUrl = deskUrl;
    }

    Digest write(Subscription subscription, Subscription.DigestPeriod period) {
        var base = new MentionQuery(
                null, null, null, null, null, null, null, period.from(), period.before(), subscription.services());
        long total = index.count(base);
        var body = new StringBuilder();
        String scope = subscription.services() == null
                ? "every service"
                : String.join(", ", subscription.services().stream().sorted().toList());
        body.append("New mentions for ")
                .append(scope)
                .append("\nfrom ")
                .append(WHEN.format(period.from()))
                .append(" to ")
                .append(WHEN.format(period.before()))
                .append(" (UK time): ")
                .append(total)
                .append("\n\n");
        body.append("By urgency:\n");
        for (var level : Urgency.Level.values()) {
            body.append("  ")
                    .append(level.wire())
                    .append(": ")
                    .append(index.count(new MentionQuery(
                            null,
                            null,
                            null,
                            null,
                            Set.of(level),
                            null,
                            null,
                            period.from(),
                            period.before(),
                            subscription.services())))
                    .append('\n');
        }
        body.append("By sentiment:\n");
        for (var label : Sentiment.Label.values()) {
            body.append("  ")
                    .append(label.wire())
                    .append(": ")
                    .append(index.count(new MentionQuery(
                            null,
                            null,
                            null,
                            Set.of(label),
                            null,
                            null,
                            null,
                            period.from(),
                            period.before(),
                            subscription.services())))
                    .append('\n');
        }
        if (total > 0) {
            var newest = index.search(base, 0, LISTED).mentions().stream()
                    .sorted(Comparator.comparing(
                            MentionDocument::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            body.append("\n")
                    .append(total > LISTED ? "The newest " + LISTED + ":" : "The mentions:")
                    .append('\n');
            for (var mention : newest) {
                body.append("- ")
                        .append(mention.publishedAt() == null ? "" : WHEN.format(mention.publishedAt()))
                        .append(" · ")
                        .append(
                                mention.channel() == null
                                        ? ""
                                        : mention.channel().wire())
                        .append(" · ")
                        .append(
                                mention.services() == null || mention.services().isEmpty()
                                        ? "untagged"
                                        : String.join(
                                                ",",
                                                mention.services().stream()
                                                        .map(ServiceTag::serviceId)
                                                        .toList()))
                        .append(" · ")
                        .append(
                                mention.urgency() == null
                                        ? ""
                                        : mention.urgency().level().wire())
                        .append(" · ")
                        .append(
                                mention.sentiment() == null
                                        ? ""
                                        : mention.sentiment().label().wire())
                        .append("\n  ")
                        .append(deskUrl)
                        .append("/conversation/")
                        .append(java.net.URLEncoder.encode(
                                mention.mentionId(), java.nio.charset.StandardCharsets.UTF_8))
                        .append('\n');
            }
        }
        body.append("\nThis digest carries no patient text by design: open the desk to read the mentions.\n");
        String subject =
                "Heard " + subscription.settings().digest().name().toLowerCase(java.util.Locale.ROOT) + " digest for "
                        + DAY.format(period.before()) + ": " + total + " new mention" + (total == 1 ? "" : "s");
        return new Digest(subject, body.toString(), total);
    }
}
