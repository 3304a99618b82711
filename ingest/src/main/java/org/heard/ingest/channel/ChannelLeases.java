package org.heard.ingest.channel;

/**
 * Decides which channel accounts this instance polls. Connectors hand every configured account's
 * poller in; the leases start it while this instance may poll the account and stop it (waiting for
 * its work in flight) when another instance takes the account over. One instance alone polls all
 * of them ({@link #allOnThisInstance()}); several share them through a Kafka consumer group (see
 * docs/adr/0012-channel-leases.md).
 */
public interface ChannelLeases {

    /** Polls the account whenever this instance holds its lease, from now until {@link #release}. */
    void hold(AccountPoller poller);

    /** Stops the account's poller if it runs (waiting for its work) and stops holding the account. */
    void release(AccountPoller poller);

    /** Every account is polled here, at once: a single instance, and tests of one connector. */
    static ChannelLeases allOnThisInstance() {
        return new AllOnThisInstance();
    }
}
