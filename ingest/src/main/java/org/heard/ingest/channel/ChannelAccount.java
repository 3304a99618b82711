package org.heard.ingest.channel;

import java.util.Locale;
import org.heard.contracts.Channel;

/**
 * One account a connector polls: a mailbox, an X handle, a Care Opinion subscription. Its
 * {@link #key()} is what the instances agree on when they share the accounts out.
 */
public record ChannelAccount(Channel channel, String name) {

    public ChannelAccount {
        if (channel == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a channel account needs a channel and a name");
        }
    }

    /** The same on every instance for the same configured account: channel and name, case folded. */
    public String key() {
        return channel.wire() + ":" + name.toLowerCase(Locale.ROOT);
    }
}
