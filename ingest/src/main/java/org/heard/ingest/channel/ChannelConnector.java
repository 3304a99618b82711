package org.heard.ingest.channel;

/** A configured channel account whose state the health endpoint and the desk show. */
public interface ChannelConnector {

    ChannelStatus status();
}
