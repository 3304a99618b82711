package org.heard.desk.manual;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Author;
import org.heard.contracts.Channel;
import org.heard.contracts.MentionReceived;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/** Turns what a member of staff wrote down into a mention on its offline channel. */
public class LoggedFeedback {

    /** What became of logging it. */
    public sealed interface Logged {
        record Accepted(MentionReceived mention) implements Logged {}

        record Refused(String reason) implements Logged {}
    }

    /** The account offline feedback is logged under: the desk itself. */
    static final String ACCOUNT = "desk";

    private final EventPublisher publisher;
    private final Clock clock;

    public LoggedFeedback(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @param contact how to reach the person (address, phone), kept as the author id
     * @param givenAt when the person gave it; now when unknown
     */
    public Logged log(
            String loggedBy,
            Channel channel,
            String name,
            String contact,
            String service,
            String subject,
            String text,
            Instant givenAt) {
        if (channel == null || channel.online()) {
            return new Logged.Refused("Choose walk-in, phone or letter");
        }
        if (text == null || text.isBlank()) {
            return new Logged.Refused("Write down what the person said");
        }
        var now = clock.instant();
        var mention = new MentionReceived(
                null,
                channel,
                ACCOUNT,
                channel.wire() + "-" + UUID.randomUUID(),
                null,
                null,
                new Author(blankToNull(contact), null, blankToNull(name)),
                blankToNull(subject),
                text.strip(),
                givenAt == null ? now : givenAt,
                now,
                service == null || service.isBlank() ? List.of() : List.of(service.strip()),
                Set.of(),
                Map.of("loggedBy", loggedBy));
        try {
            publisher.publish(Topics.MENTIONS, mention).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Logged.Refused("Interrupted: nothing was logged, try again");
        } catch (Exception e) {
            return new Logged.Refused(
                    "Could not log it (" + e.getClass().getSimpleName() + "): nothing was logged, try again");
        }
        return new Logged.Accepted(mention);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
