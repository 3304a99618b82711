package org.heard.ingest.channel;

/**
 * Polls one channel account. {@link ChannelLeases} starts it while this instance holds the
 * account's lease and stops it when the lease goes; a poller may be started again after a stop.
 */
public interface AccountPoller {

    ChannelAccount account();

    /** Starts polling in the background; returns at once. Starting a running poller does nothing. */
    void start();

    /**
     * Stops polling and returns only when no work of this poller is in flight any more, so that the
     * instance taking the account over never polls it at the same time.
     */
    void stop();
}
