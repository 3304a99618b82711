package org.heard.desk.deadletters;

import java.time.Clock;
import java.util.List;
import org.heard.contracts.Topics;
import org.heard.platform.events.EventPublisher;

/** The retry route of every source Heard's stages dead-letter from; the first route that takes a letter decides. */
final class Retries {

    private final List<RetryRoute> routes;

    Retries(List<RetryRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    static Retries of(EventPublisher publisher, Clock clock) {
        return new Retries(
                List.of(
                        new Republish<>(source("triage"), Topics.MENTIONS, "triage", publisher),
                        new Republish<>(source("retriage"), Topics.RETRIAGE, "re-triage", publisher),
                        new Republish<>(source("reply-dispatch"), Topics.REPLIES, "the reply dispatcher", publisher),
                        new Republish<>(
                                source("desk:" + Topics.REPLY_OUTCOMES.name()),
                                Topics.REPLY_OUTCOMES,
                                "the desk's delivery tracking",
                                publisher),
                        new EmailRetry(publisher, clock),
                        new NoRetry(
                                letter -> letter.source().startsWith("twitter:"),
                                "This is data from X the channel could not take in. The channel does not re-read stored X data: it "
                                        + "fetches from its saved position, so a tweet it refused can only be fetched from X again. "
                                        + "Check the channel's status and the reason, then discard this."),
                        new NoRetry(
                                letter -> letter.source().startsWith("story:"),
                                "This is story-site data the story channel could not take in. Re-reading stored story data is not "
                                        + "wired here: the story (its id is in the context) has to be fetched from the site again. "
                                        + "Check the reason, then discard this."),
                        new NoRetry(
                                source(DeadLetterIntake.SOURCE),
                                "This reached the dead-letter topic but is not a dead letter the desk can read, so no stage is known "
                                        + "to take it back. It is kept so nothing is lost: read it, then discard it."),
                        new NoRetry(
                                letter -> true,
                                "No stage is known to take back letters of this source. Deal with the cause, then discard it.")));
    }

    private static java.util.function.Predicate<DeadLetter> source(String name) {
        return letter -> letter.source().equals(name);
    }

    RetryRoute routeOf(DeadLetter letter) {
        return routes.stream().filter(route -> route.takes(letter)).findFirst().orElseThrow();
    }

    RetryRoute.RetryPlan plan(DeadLetter letter) {
        return routeOf(letter).plan(letter);
    }
}
