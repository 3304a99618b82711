package org.heard.desk.deadletters;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.heard.contracts.RereadRequested;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/**
 * A message a mailbox could not read is read again by the email channel's own reader (fixed since,
 * say), on whichever ingest instance runs it: the desk asks on {@code heard.reread-requests.v1}.
 * Read now, it reaches triage; still unreadable, it comes back here as the letter's next attempt.
 * Only where the whole message was kept: for one over the size limit only its headers are here,
 * and the message itself waits in the mailbox.
 */
final class EmailRetry implements RetryRoute {

    private final EventPublisher publisher;
    private final Clock clock;

    EmailRetry(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public boolean takes(DeadLetter letter) {
        return letter.source().startsWith("email:");
    }

    @Override
    public RetryPlan plan(DeadLetter letter) {
        if (letter.context().containsKey("truncated")) {
            return new RetryPlan.Impossible(
                    "Only part of this message was kept (" + letter.context().get("truncated")
                            + "). The whole message is still in the mailbox" + where(letter)
                            + ": deal with it there, then discard this.");
        }
        return new RetryPlan.Possible(
                "Retry asks the email channel (on " + Topics.REREAD_REQUESTS.name() + ") to read the raw "
                        + "message again: if it reads now it goes to triage, if not it comes back here as the next attempt.");
    }

    @Override
    public RetryOutcome retry(DeadLetter letter) {
        var request = new RereadRequested(
                letter.rootId(),
                letter.source(),
                letter.payloadEncoding(),
                letter.payload(),
                letter.context(),
                letter.handledBy() == null ? "the desk" : letter.handledBy(),
                clock.instant());
        try {
            publisher.publish(Topics.REREAD_REQUESTS, request).get(30, TimeUnit.SECONDS);
            return new RetryOutcome.SentBack(
                    "Sent to the email channel to be read again (" + Topics.REREAD_REQUESTS.name() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RetryOutcome.NotNow("interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return new RetryOutcome.NotNow("Kafka did not take it (" + e.getMessage() + "); try again later");
        }
    }

    private static String where(DeadLetter letter) {
        String folder = letter.context().get("folder");
        String uid = letter.context().get("uid");
        return folder == null ? "" : " (" + folder + (uid == null ? "" : ", UID " + uid) + ")";
    }
}
