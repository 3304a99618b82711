package org.heard.desk.deadletters;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.heard.contracts.Topics;
import org.heard.ingest.email.EmailChannel;
import org.heard.platform.events.EventPublisher;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A message a mailbox could not read is read again by the email channel's own reader (fixed since,
 * say) and taken in as intake would. Only where the whole message was kept: for one over the size
 * limit only its headers are here, and the message itself waits in the mailbox.
 */
final class EmailRetry implements RetryRoute {

    private final ObjectProvider<EmailChannel> channel;
    private final EventPublisher publisher;

    EmailRetry(ObjectProvider<EmailChannel> channel, EventPublisher publisher) {
        this.channel = channel;
        this.publisher = publisher;
    }

    @Override
    public boolean takes(DeadLetter letter) {
        return letter.source().startsWith("email:");
    }

    @Override
    public RetryPlan plan(DeadLetter letter) {
        if (letter.context().containsKey("truncated")) {
            return new RetryPlan.Impossible("Only part of this message was kept (" + letter.context().get("truncated")
                    + "). The whole message is still in the mailbox" + where(letter)
                    + ": deal with it there, then discard this.");
        }
        if (channel.getIfAvailable() == null) {
            return new RetryPlan.Impossible("This instance does not run the email channel (heard.roles has no ingest): "
                    + "retry it from one that does.");
        }
        return new RetryPlan.Possible("Retry reads the raw message again with the email channel's reader and, if it "
                + "reads now, puts it on " + Topics.MENTIONS.name() + " for triage.");
    }

    @Override
    public RetryOutcome retry(DeadLetter letter) {
        var email = channel.getIfAvailable();
        if (email == null) {
            return new RetryOutcome.NotNow("This instance does not run the email channel");
        }
        return switch (email.readAgain(letter.source(), letter.raw())) {
            case EmailChannel.ReadAgain.Unreadable(var reason) -> new RetryOutcome.FailedAgain("Still unreadable: " + reason);
            case EmailChannel.ReadAgain.NoSuchMailbox(var source) ->
                    new RetryOutcome.FailedAgain("No mailbox of " + source + " is configured any more");
            case EmailChannel.ReadAgain.OurOwn ignored ->
                    new RetryOutcome.SentBack("Read again: it is one of our own replies, so there is nothing to take in.");
            case EmailChannel.ReadAgain.Mention(var mention) -> {
                try {
                    publisher.publish(Topics.MENTIONS, mention).get(30, TimeUnit.SECONDS);
                    yield new RetryOutcome.SentBack("Read again and taken in as mention " + mention.mentionId() + ".");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    yield new RetryOutcome.NotNow("interrupted");
                } catch (ExecutionException | TimeoutException | RuntimeException e) {
                    yield new RetryOutcome.NotNow("Kafka did not take it (" + e.getMessage() + "); try again later");
                }
            }
        };
    }

    private static String where(DeadLetter letter) {
        String folder = letter.context().get("folder");
        String uid = letter.context().get("uid");
        return folder == null ? "" : " (" + folder + (uid == null ? "" : ", UID " + uid) + ")";
    }
}
