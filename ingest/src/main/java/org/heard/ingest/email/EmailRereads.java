package org.heard.ingest.email;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.heard.contracts.DeadLettered;
import org.heard.contracts.RereadRequested;
import org.heard.contracts.Topic;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads again an email an admin asked to retry from the desk's dead letters, on whichever ingest
 * instance takes the request: it reads as intake would (the reader fixed since, say) and its mention
 * goes to triage; if it still cannot be read it goes back to the dead letters under its first id,
 * where the desk keeps it as the next attempt. Requests for other sources are not ours.
 */
final class EmailRereads {

    private static final Logger log = LoggerFactory.getLogger(EmailRereads.class);

    private final EmailChannel channel;
    private final EventPublisher publisher;
    private final Clock clock;

    EmailRereads(EmailChannel channel, EventPublisher publisher, Clock clock) {
        this.channel = channel;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** @throws IllegalStateException when Kafka did not take the outcome: the request is then tried again */
    void reread(RereadRequested request) {
        if (!request.source().startsWith("email:")) {
            return;
        }
        String by = "Read again at " + request.requestedBy() + "'s request: ";
        if (request.context().containsKey("truncated")) {
            publish(
                    Topics.DEAD_LETTERS,
                    request.asDeadLetter(
                            by + "only part of this message was kept ("
                                    + request.context().get("truncated")
                                    + "); the whole message is still in the mailbox",
                            clock.instant()));
            return;
        }
        byte[] raw = request.asDeadLetter("-", clock.instant()).payloadBytes();
        switch (channel.readAgain(request.source(), raw)) {
            case EmailChannel.ReadAgain.Mention(var mention) -> {
                publish(Topics.MENTIONS, mention);
                log.info(
                        "Dead letter {} read again at {}'s request: taken in as mention {}",
                        request.deadLetterId(),
                        request.requestedBy(),
                        mention.mentionId());
            }
            case EmailChannel.ReadAgain.OurOwn ignored ->
                log.info(
                        "Dead letter {} read again: one of our own replies, nothing to take in",
                        request.deadLetterId());
            case EmailChannel.ReadAgain.Unreadable(var reason) ->
                publish(Topics.DEAD_LETTERS, request.asDeadLetter(by + "still unreadable: " + reason, clock.instant()));
            case EmailChannel.ReadAgain.NoSuchMailbox(var source) ->
                publish(
                        Topics.DEAD_LETTERS,
                        request.asDeadLetter(
                                by + "no mailbox of " + source + " is configured on the ingest instances any more",
                                clock.instant()));
        }
    }

    /** A request that is not one, kept so nothing is lost. */
    DeadLettered unreadableRequest(String id, String reason, byte[] value) {
        return DeadLettered.ofBytes(
                id,
                "email-reread",
                "Unreadable reread request: " + reason,
                value,
                java.util.Map.of("topic", Topics.REREAD_REQUESTS.name()),
                clock.instant());
    }

    <T> void publish(Topic<T> topic, T record) {
        try {
            publisher.publish(topic, record).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing on " + topic.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the outcome of a reread request on " + topic.name(), e);
        }
    }
}
