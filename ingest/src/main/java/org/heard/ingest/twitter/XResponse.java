package org.heard.ingest.twitter;

import java.time.Instant;
import java.util.Locale;

/** What one call to X came to; every failure says whether waiting and trying again can help. */
sealed interface XResponse<T> {

    /** X answered. {@code rateLimit} is what its x-rate-limit-* headers said, or null when absent. */
    record Ok<T>(T value, RateLimit rateLimit) implements XResponse<T> {}

    /** 429, or a window with nothing remaining: nothing more until {@code reset}. */
    record RateLimited<T>(Instant reset) implements XResponse<T> {}

    /** 401: the credentials were refused; someone must renew them. */
    record AuthFailed<T>(String detail) implements XResponse<T> {}

    /** X refused this one request for good (403 duplicate, 404 deleted, 400 bad query...). */
    record Refused<T>(int status, String detail, String body) implements XResponse<T> {
        /** X's refusal of a copy of an earlier post (v1.1 error 187, v2's "duplicate content"). */
        boolean duplicate() {
            return status == 403
                    && detail != null
                    && detail.toLowerCase(Locale.ROOT).contains("duplicate");
        }
    }

    /** 5xx, a timeout or a broken connection: X may or may not have acted; try again later. */
    record Unavailable<T>(String detail) implements XResponse<T> {}

    /** X answered with something that is not the JSON we know; kept whole for the dead letters. */
    record Unreadable<T>(String detail, String body) implements XResponse<T> {}

    /** The x-rate-limit-* headers of a response. */
    record RateLimit(int limit, int remaining, Instant reset) {
        boolean exhausted() {
            return remaining <= 0;
        }
    }
}
