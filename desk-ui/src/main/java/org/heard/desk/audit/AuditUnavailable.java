package org.heard.desk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An access could not be recorded in the audit trail in time, so it was not done. An outage like
 * any other (Kafka out of reach): the API answers 503, the desk says so and the person tries again.
 */
public class AuditUnavailable extends UncheckedIOException {

    public static final String MESSAGE =
            "This was not shown: looking at patients' mentions is recorded in the audit trail,"
                    + " and the trail cannot take entries right now. Try again in a minute; if it keeps happening, tell an administrator.";

    AuditUnavailable(Throwable cause) {
        super(MESSAGE, new IOException(String.valueOf(cause), cause));
    }
}
