package org.heard.platform.embedded;

import java.util.List;

/**
 * The embedded node could not start or become ready. The message says why and carries the last
 * lines the node printed, because that is where the real reason (a bind error, a bad setting) is.
 * Unchecked: the application cannot run without its index, so there is nothing to recover.
 */
public final class ElasticsearchStartFailed extends RuntimeException {

    ElasticsearchStartFailed(String reason, List<String> lastOutput, Throwable cause) {
        super(describe(reason, lastOutput), cause);
    }

    ElasticsearchStartFailed(String reason, List<String> lastOutput) {
        this(reason, lastOutput, null);
    }

    private static String describe(String reason, List<String> lastOutput) {
        if (lastOutput.isEmpty()) {
            return reason;
        }
        return reason + System.lineSeparator() + "--- last " + lastOutput.size()
                + " lines of the Elasticsearch node's output ---" + System.lineSeparator()
                + String.join(System.lineSeparator(), lastOutput);
    }
}
