package org.heard.ingest.channel;

import org.heard.contracts.Channel;
import org.heard.contracts.ReplyRequested;

/**
 * Sends staff replies on one channel. Implementations never throw for delivery problems: they
 * return a {@link SendResult} that says whether a retry makes sense.
 */
public interface ReplySender {

    Channel channel();

    SendResult send(ReplyRequested reply);
}
