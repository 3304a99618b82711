package org.heard.desk.alerts;

/** What one attempt to deliver came to; the caller decides about retrying. */
sealed interface Delivered {

    record Accepted() implements Delivered {}

    /** @param retryable false when trying again cannot help (a refused address, a 4xx from the webhook) */
    record Failed(String reason, boolean retryable) implements Delivered {}
}
