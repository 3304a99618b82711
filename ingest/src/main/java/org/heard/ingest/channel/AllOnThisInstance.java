package org.heard.ingest.channel;

/** The leases of a single instance: every account's poller runs from hold to release. */
final class AllOnThisInstance implements ChannelLeases {

    @Override
    public void hold(AccountPoller poller) {
        poller.start();
    }

    @Override
    public void release(AccountPoller poller) {
        poller.stop();
    }
}
