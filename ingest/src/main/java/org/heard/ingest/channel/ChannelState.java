package org.heard.ingest.channel;

/** How a channel account is doing, in words an operator acts on. */
public enum ChannelState {
    HEALTHY,
    /** Waiting for the provider's rate-limit window to reset. */
    RATE_LIMITED,
    /** Credentials refused: someone must renew them. An alert, not silence. */
    AUTH_FAILED,
    /** No successful fetch for longer than allowed. */
    STALE,
    /** Failing for another reason (server errors, timeouts); retrying. */
    FAILING,
    /** Switched off by configuration. */
    DISABLED,
    /** No credentials or server configured yet. */
    NOT_CONFIGURED
}
