package org.heard.desk.deadletters;

/**
 * How dead letters of some sources go back to the stage that refused them. A route that cannot
 * honestly retry a letter says why, and the page shows it.
 */
interface RetryRoute {

    boolean takes(DeadLetter letter);

    /** Whether this letter can be retried, and how or why not, in words for the admin. */
    RetryPlan plan(DeadLetter letter);

    /** Sends it back. Only called when {@link #plan} said it is possible. */
    RetryOutcome retry(DeadLetter letter);

    sealed interface RetryPlan {
        record Possible(String how) implements RetryPlan {}

        record Impossible(String why) implements RetryPlan {}
    }

    sealed interface RetryOutcome {
        /** On its way back: {@code what} says where. */
        record SentBack(String what) implements RetryOutcome {}

        /** Refused again, at once: it becomes a new dead letter linked to this one. */
        record FailedAgain(String reason) implements RetryOutcome {}

        /** Could not even be tried (Kafka down): the letter stays pending. */
        record NotNow(String reason) implements RetryOutcome {}
    }
}
