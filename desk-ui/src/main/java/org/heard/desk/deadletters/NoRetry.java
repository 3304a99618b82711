package org.heard.desk.deadletters;

import java.util.function.Predicate;

/** Sources whose letters cannot be sent back from here; the reason is shown instead of a Retry button. */
final class NoRetry implements RetryRoute {

    private final Predicate<DeadLetter> takes;
    private final String why;

    NoRetry(Predicate<DeadLetter> takes, String why) {
        this.takes = takes;
        this.why = why;
    }

    @Override
    public boolean takes(DeadLetter letter) {
        return takes.test(letter);
    }

    @Override
    public RetryPlan plan(DeadLetter letter) {
        return new RetryPlan.Impossible(why);
    }

    @Override
    public RetryOutcome retry(DeadLetter letter) {
        throw new IllegalStateException("Dead letters of " + letter.source() + " cannot be retried: " + why);
    }
}
