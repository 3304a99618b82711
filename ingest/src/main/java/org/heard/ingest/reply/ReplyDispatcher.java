package org.heard.ingest.reply;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.heard.contracts.Channel;
import org.heard.contracts.ReplyFailed;
import org.heard.contracts.ReplyOutcome;
import org.heard.contracts.ReplyRequested;
import org.heard.contracts.ReplySent;
import org.heard.contracts.Topics;
import org.heard.ingest.channel.ReplySender;
import org.heard.ingest.channel.SendResult;
import org.heard.platform.events.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one requested reply on its channel and publishes the outcome. A channel that asks to try
 * again later gets a bounded number of tries: {@link TryAgain} tells the Kafka container to redeliver
 * after the back-off; the last failure is published as a retryable {@code ReplyFailed} so staff see it.
 */
class ReplyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReplyDispatcher.class);

    private final Map<Channel, ReplySender> senders = new EnumMap<>(Channel.class);
    private final EventPublisher publisher;
    private final Clock clock;

    ReplyDispatcher(List<ReplySender> senders, EventPublisher publisher, Clock clock) {
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @param lastTry true when no redelivery follows, so a "retry later" must be reported as a failure now
     * @throws TryAgain when the channel asked to retry later and tries are left
     */
    void dispatch(ReplyRequested reply, boolean lastTry) {
        var sender = senders.get(reply.channel());
        if (sender == null) {
            publish(failed(
                    reply,
                    "No sender for the " + reply.channel().wire() + " channel is running on this instance",
                    false));
            return;
        }
        SendResult result;
        try {
            result = sender.send(reply);
        } catch (RuntimeException e) {
            // A sender should return a result; if it throws we still must not lose the reply.
            log.error("The {} sender threw for reply {}", reply.channel().wire(), reply.replyId(), e);
            result = new SendResult.RetryLater(Duration.ofSeconds(30), "Unexpected error: " + e.getMessage());
        }
        switch (result) {
            case SendResult.Sent sent ->
                publish(new ReplySent(
                        reply.replyId(),
                        reply.mentionId(),
                        reply.conversationId(),
                        reply.channel(),
                        sent.externalId(),
                        sent.sentAt() == null ? clock.instant() : sent.sentAt()));
            case SendResult.Rejected rejected -> publish(failed(reply, rejected.reason(), false));
            // The story site has no API to post: staff paste the response on the website and the
            // channel's reconciler publishes ReplySent (or ReplyFailed after its deadline) itself.
            case SendResult.AwaitingPublication awaiting ->
                log.info(
                        "Reply {} awaits publication at {} until {}",
                        reply.replyId(),
                        awaiting.respondUrl(),
                        awaiting.deadline());
            case SendResult.RetryLater later -> {
                if (lastTry) {
                    publish(failed(
                            reply, later.reason() + " (gave up after repeated tries; send it again to retry)", true));
                } else {
                    throw new TryAgain(later);
                }
            }
        }
    }

    private ReplyFailed failed(ReplyRequested reply, String reason, boolean retryable) {
        return new ReplyFailed(
                reply.replyId(),
                reply.mentionId(),
                reply.conversationId(),
                reply.channel(),
                reason,
                retryable,
                clock.instant());
    }

    private void publish(ReplyOutcome outcome) {
        try {
            publisher.publish(Topics.REPLY_OUTCOMES, outcome).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while recording a reply outcome", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not record the outcome of reply " + outcome.replyId(), e);
        }
    }

    /** The channel asked to try again later; the container redelivers after its back-off. */
    static final class TryAgain extends RuntimeException {
        final SendResult.RetryLater result;

        TryAgain(SendResult.RetryLater result) {
            super(result.reason());
            this.result = result;
        }
    }
}
