package org.heard.desk.deadletters;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.heard.contracts.DeskJson;
import org.heard.contracts.Topic;
import org.heard.platform.events.EventPublisher;

/**
 * A record a consuming stage refused (it could not read it, or could not index it) goes back on the
 * topic that stage reads, if it reads as that topic's record now: after the stage was fixed, or
 * when the cause was downstream (Elasticsearch refusing a mention while its mapping was wrong).
 */
final class Republish<T> implements RetryRoute {

    private final Predicate<DeadLetter> takes;
    private final Topic<T> topic;
    private final String stage;
    private final EventPublisher publisher;

    Republish(Predicate<DeadLetter> takes, Topic<T> topic, String stage, EventPublisher publisher) {
        this.takes = takes;
        this.topic = topic;
        this.stage = stage;
        this.publisher = publisher;
    }

    @Override
    public boolean takes(DeadLetter letter) {
        return takes.test(letter);
    }

    @Override
    public RetryPlan plan(DeadLetter letter) {
        return new RetryPlan.Possible("Retry puts it back on " + topic.name() + " for " + stage
                + " to take in again, if it now reads as a " + topic.type().getSimpleName() + ".");
    }

    @Override
    public RetryOutcome retry(DeadLetter letter) {
        T record;
        try {
            record = DeskJson.read(letter.raw(), topic.type());
        } catch (DeskJson.UnreadableRecord e) {
            return new RetryOutcome.FailedAgain(e.getMessage());
        }
        try {
            publisher.publish(topic, record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RetryOutcome.NotNow("interrupted");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return new RetryOutcome.NotNow("Kafka did not take it (" + e.getMessage() + "); try again later");
        }
        return new RetryOutcome.SentBack("Sent back on " + topic.name() + " for " + stage + ".");
    }
}
